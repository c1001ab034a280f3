#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct wire_header {
    uint8_t version;
    uint32_t length;
    uint16_t kind;
    uint8_t flags;
} __attribute__((packed));

struct cache_line {
    int counter;
} __attribute__((aligned(64)));

struct nested_pk {
    char c;
    struct wire_header h;
    char d;
} __attribute__((packed));

static uint32_t read_len(const unsigned char *buf)
{
    const struct wire_header *h = (const struct wire_header *)buf;
    return h->length;
}

int main(void)
{
    printf("%zu %zu %zu %zu\n", sizeof(struct wire_header), offsetof(struct wire_header, length),
           offsetof(struct wire_header, kind), offsetof(struct wire_header, flags));
    printf("%zu %zu\n", sizeof(struct cache_line), _Alignof(struct cache_line));
    struct cache_line lines[3];
    printf("%zu %d\n", sizeof lines, (int)((uintptr_t)&lines[1] % 64));
    printf("%zu %zu\n", sizeof(struct nested_pk), offsetof(struct nested_pk, d));
    unsigned char buf[16] = { 1, 0x10, 0x20, 0x00, 0x00, 0x02, 0x00, 0xff };
    printf("%u\n", read_len(buf));
    struct wire_header h;
    memcpy(&h, buf, sizeof h);
    printf("%u %u %u %u\n", h.version, h.length, h.kind, h.flags);
    h.length += 1;
    printf("%u\n", h.length);
    char aligned_buf[10] __attribute__((aligned(128)));
    printf("%d\n", (int)((uintptr_t)aligned_buf % 128));
    return 0;
}
