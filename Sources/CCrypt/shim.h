#ifndef SKILLDESK_CCRYPT_SHIM_H
#define SKILLDESK_CCRYPT_SHIM_H
#include <crypt.h>
#endif
