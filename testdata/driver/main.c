/* driver test: -D, -I, -include, mixed .c/.o/.a inputs */
#include <stdio.h>
#include "answer.h"
int twice(int);
int main(void)
{
    printf("%d %d %s\n", twice(ANSWER), SCALE, INCLUDED);
    return 0;
}
