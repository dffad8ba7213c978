/*
 * text_reader.h — line and token reading of plain or gzip-compressed text
 * files (zlib reads both), keeping the line number of what was read last
 * so that every parse error can name "FILE:LINE".
 */
#ifndef CORTO_TEXT_READER_H
#define CORTO_TEXT_READER_H

#include "corto.h"

#include <stddef.h>
#include <zlib.h>

typedef struct text_reader {
    gzFile gz;
    const char *path; /* as given by the caller, for messages (borrowed) */
    char *chunk;      /* raw bytes read from the file */
    size_t chunk_len, chunk_pos;
    int input_done; /* no more bytes to read */
    char *line;     /* current line, NUL-terminated, no newline or CR */
    size_t line_len, line_cap;
    long lineno;  /* 1-based number of the current line; 0 before any */
    char *cursor; /* next unread character of `line` for token reading */
} text_reader;

/* Open `path` (plain text or gzip). IO error with diag when it cannot be
 * opened. On failure the reader needs no text_close (it is harmless). */
corto_status text_open(text_reader *r, const char *path, corto_diag *diag);
void text_close(text_reader *r);

/*
 * Read the next line into r->line (CR and LF removed) and point the cursor
 * at its start; *got = 0 at the end of the file. A NUL byte or another
 * control character makes a PARSE error ("binary data"), a damaged gzip
 * stream too; a read failure is an IO error.
 */
corto_status text_next_line(text_reader *r, int *got, corto_diag *diag);

/* Like text_next_line, but skips lines that hold only white space. */
corto_status text_next_nonblank(text_reader *r, int *got, corto_diag *diag);

/*
 * Next white-space separated token of the current line, NUL-terminated in
 * place; NULL when the line has no more. Does not read further lines.
 */
char *text_line_token(text_reader *r);

/*
 * Next token of the stream, reading further lines as needed (numbers that
 * wrap freely across lines); *tok = NULL at the end of the file. r->lineno
 * is then the line of the token.
 */
corto_status text_next_token(text_reader *r, char **tok, corto_diag *diag);

/* 1 when only white space is left on the current line. */
int text_line_rest_empty(const text_reader *r);

/* Parse a whole token as a decimal integer / a finite real number.
 * Return 1 on success, 0 when the token is not such a number. */
int text_parse_int64(const char *tok, int64_t *out);
int text_parse_int(const char *tok, int *out);
int text_parse_double(const char *tok, double *out);

#endif /* CORTO_TEXT_READER_H */
