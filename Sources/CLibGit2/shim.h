#ifndef CODESOCIAL_CLIBGIT2_SHIM_H
#define CODESOCIAL_CLIBGIT2_SHIM_H
#include <git2.h>
#include "capture.h"

/* Swift cannot call the variadic git_libgit2_opts: one small wrapper per option used. */

/** Sets the search path of one configuration level (GIT_CONFIG_LEVEL_GLOBAL, ...); NULL resets it. */
static inline int codesocial_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/** Turns the verification of every object read from the object database on or off. */
static inline int codesocial_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/** Turns the validation of objects created (parents, trees exist) on or off. */
static inline int codesocial_git_enable_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

/** Sets the User-Agent sent over HTTP(S). */
static inline int codesocial_git_set_user_agent(const char *agent) {
    return git_libgit2_opts(GIT_OPT_SET_USER_AGENT, agent);
}

/** Turns fsync of written objects and references on or off. */
static inline int codesocial_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

/** Sets the certificate authorities trusted for HTTPS (a PEM file, a directory of them, or both); replaces the default store. */
static inline int codesocial_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}

#endif
