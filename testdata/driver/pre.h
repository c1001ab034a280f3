#define INCLUDED "yes"
