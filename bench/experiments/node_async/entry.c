/* The async entry both designs run: it takes a request whose first word is a counter's address (as a
 * hostbind async entry takes a request whose first word is the Host's context) and does no other work. */
#include <stdint.h>

void entry(void **request) {
  int64_t *calls = (int64_t *)request[0];
  *calls += 1;
}
