/* main.c — placeholder for the corto command. */
#include "corto.h"
#include <stdio.h>
int main(void)
{
    printf("corto %s\n", corto_version());
    return 0;
}
