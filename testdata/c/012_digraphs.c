%:include <stdio.h>
%:define CAT(a, b) a %:%: b
%:define STRINGIFY(x) %:x

struct point <% int x; int y; %>;

int main(void)
<%
    int arr<:5:> = <% 1, 2, 3, 4, 5 %>;
    int sum = 0;
    for (int i = 0; i < 5; i++) <%
        sum += arr<:i:>;
    %>
    printf("%d\n", sum);
    struct point p = <% .x = 3, .y = 4 %>;
    printf("%d %d\n", p.x, p.y);
    int CAT(my, var) = 99;
    printf("%d\n", myvar);
    printf("%s\n", STRINGIFY(digraphs work));
    printf("%s\n", "<: :> <% %> %: are plain text in strings");
    int m<:2:><:2:> = <%<%1, 2%>, <%3, 4%>%>;
    printf("%d\n", m<:1:><:0:>);
    return 0;
%>
