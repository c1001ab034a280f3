#define ANSWER 21
