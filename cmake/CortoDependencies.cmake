# Finds corto's dependencies, all from Debian packages. A missing one stops
# the configuration with the name of the package that provides it; run
# scripts/install-deps.sh to install them all.
find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: apt-get install pkg-config "
                      "(or run scripts/install-deps.sh)")
endif()

function(corto_require_pkg module debian_package)
  pkg_check_modules(${module} QUIET IMPORTED_TARGET ${module})
  if(NOT ${module}_FOUND)
    message(FATAL_ERROR "${module} not found: apt-get install "
            "${debian_package} (or run scripts/install-deps.sh)")
  endif()
endfunction()

corto_require_pkg(jansson libjansson-dev)
corto_require_pkg(igraph libigraph-dev)

find_path(GLPK_INCLUDE_DIR glpk.h)
find_library(GLPK_LIBRARY glpk)
if(NOT GLPK_INCLUDE_DIR OR NOT GLPK_LIBRARY)
  message(FATAL_ERROR "GLPK not found: apt-get install libglpk-dev "
                      "(or run scripts/install-deps.sh)")
endif()

find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  message(FATAL_ERROR "zlib not found: apt-get install zlib1g-dev "
                      "(or run scripts/install-deps.sh)")
endif()

find_library(MATH_LIBRARY m)

# Everything the library links, as one interface target.
add_library(corto_deps INTERFACE)
target_include_directories(corto_deps INTERFACE ${GLPK_INCLUDE_DIR})
target_link_libraries(corto_deps INTERFACE PkgConfig::jansson
  PkgConfig::igraph ${GLPK_LIBRARY} ZLIB::ZLIB ${MATH_LIBRARY})

# The same, as plain linker flags for consumers of the static archive.
set(CORTO_DEP_LINK_FLAGS -ljansson -ligraph -lglpk -lz -lm)
set(CORTO_PC_PRIVATE_REQUIRES "jansson igraph zlib")
set(CORTO_PC_PRIVATE_LIBS "-lglpk -lm")
