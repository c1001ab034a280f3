#include <stdio.h>
#include <string.h>
#include <stdint.h>

#pragma pack(push, 1)
struct ipv4_header {
    uint8_t ihl : 4;
    uint8_t version : 4;
    uint8_t tos;
    uint16_t total_length;
    uint16_t id;
    uint16_t frag_offset : 13;
    uint16_t flags : 3;
    uint8_t ttl;
    uint8_t protocol;
    uint16_t checksum;
    uint32_t src, dst;
};
#pragma pack(pop)

struct __attribute__((packed)) rgb565 { unsigned b : 5, g : 6, r : 5; };

union pixel { struct rgb565 c; uint16_t raw; };

struct status_reg {
    volatile unsigned enabled : 1;
    unsigned mode : 2;
    unsigned : 5;
    unsigned irq : 8;
    unsigned long long counter : 48;
};

int main(void)
{
    printf("%zu\n", sizeof(struct ipv4_header));
    unsigned char raw[20] = { 0x45, 0x00, 0x00, 0x54, 0x12, 0x34, 0x40, 0x00, 64, 1, 0, 0, 192, 168, 1, 1, 10, 0, 0, 1 };
    struct ipv4_header h;
    memcpy(&h, raw, sizeof h);
    printf("version %u ihl %u ttl %u proto %u\n", h.version, h.ihl, h.ttl, h.protocol);
    printf("flags-byte %u\n", (unsigned)raw[6] >> 5);
    union pixel p = { .c = { .r = 31, .g = 0, .b = 31 } };
    printf("%04x %zu\n", p.raw, sizeof p);
    p.raw = 0x07e0;
    printf("%u %u %u\n", p.c.r, p.c.g, p.c.b);
    struct status_reg s = { 0 };
    s.enabled = 1;
    s.mode = 3;
    s.irq = 200;
    s.counter = (1ull << 47) + 5;
    printf("%u %u %u %llu %zu\n", s.enabled, s.mode, s.irq, (unsigned long long)s.counter, sizeof s);
    s.counter++;
    s.irq += 100;
    printf("%llu %u\n", (unsigned long long)s.counter, s.irq);
    return 0;
}
