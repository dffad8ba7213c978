# Write the bytes of IN as a C array nn_default_weights (and its length
# nn_default_weights_len) into OUT; an absent IN gives an empty array.
# Run as: cmake -DIN=file -DOUT=file.c -P CortoEmbed.cmake
set(body "")
set(len 0)
if(EXISTS "${IN}")
  file(READ "${IN}" hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR len "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)"
         "\\1\n" body "${body}")
endif()
if(len EQUAL 0)
  set(body "0")
endif()
file(WRITE "${OUT}.tmp"
"/* Generated from neural/models/default.cnn by cmake/CortoEmbed.cmake. */
#include <stddef.h>
const unsigned char nn_default_weights[] = {
${body}};
const size_t nn_default_weights_len = ${len};
")
file(RENAME "${OUT}.tmp" "${OUT}")
