#ifndef CODESOCIAL_CLIBGIT2_CAPTURE_H
#define CODESOCIAL_CLIBGIT2_CAPTURE_H
#include <git2.h>
#include <git2/sys/transport.h>
#include <stdlib.h>
#include <string.h>

/*
 * A smart subtransport that wraps one of libgit2's own (git://, http(s)://, ssh://) so that codesocial can
 * speak receive-pack itself on libgit2's connection (Repository+SendPack.swift): libgit2 connects,
 * authenticates, checks host keys and reads the reference advertisement; the wrapper records the bytes
 * read (the advertisement) and keeps the live stream, on which codesocial then writes its commands and a
 * pack of exactly the new objects. libgit2 1.5's own push walks the whole tree of the remote's tip to
 * find what to send, which costs seconds on large registries.
 *
 * Ownership: the smart transport owns the subtransport and its streams, and frees them with the remote.
 * The slot (allocated by the caller) receives the subtransport's address when libgit2 creates it.
 */

typedef struct codesocial_capture codesocial_capture;

typedef struct codesocial_capture_stream {
    git_smart_subtransport_stream parent;
    git_smart_subtransport_stream *inner;
    codesocial_capture *owner;
} codesocial_capture_stream;

struct codesocial_capture {
    git_smart_subtransport parent;
    git_smart_subtransport *inner;
    /** The stream opened last and not yet freed, NULL otherwise. */
    codesocial_capture_stream *stream;
    /** Bytes read through the streams while recording (the reference advertisement). */
    char *bytes;
    size_t length;
    size_t capacity;
    int recording;
    /** Set once codesocial wrote its own request: later writes (libgit2's goodbye flush) are dropped. */
    int finished;
};

/** What the caller passes as the subtransport definition's `param`. */
typedef struct codesocial_capture_slot {
    /** libgit2's subtransport to wrap: git_smart_subtransport_git, _http or _ssh. */
    git_smart_subtransport_cb inner_callback;
    /** Set when libgit2 creates the subtransport; owned by the smart transport. */
    codesocial_capture *capture;
} codesocial_capture_slot;

static inline int codesocial_capture_stream_read(git_smart_subtransport_stream *stream, char *buffer, size_t size,
                                                 size_t *bytes_read) {
    codesocial_capture_stream *s = (codesocial_capture_stream *)stream;
    int error = s->inner->read(s->inner, buffer, size, bytes_read);
    codesocial_capture *c = s->owner;
    if (error < 0 || !c->recording || *bytes_read == 0) return error;
    if (c->length + *bytes_read > c->capacity) {
        size_t capacity = c->capacity ? c->capacity : 4096;
        while (capacity < c->length + *bytes_read) capacity *= 2;
        char *grown = (char *)realloc(c->bytes, capacity);
        if (!grown) {
            git_error_set_oom();
            return -1;
        }
        c->bytes = grown;
        c->capacity = capacity;
    }
    memcpy(c->bytes + c->length, buffer, *bytes_read);
    c->length += *bytes_read;
    return error;
}

static inline int codesocial_capture_stream_write(git_smart_subtransport_stream *stream, const char *buffer, size_t len) {
    codesocial_capture_stream *s = (codesocial_capture_stream *)stream;
    if (s->owner->finished) return 0;
    return s->inner->write(s->inner, buffer, len);
}

static inline void codesocial_capture_stream_free(git_smart_subtransport_stream *stream) {
    codesocial_capture_stream *s = (codesocial_capture_stream *)stream;
    if (s->owner->stream == s) s->owner->stream = NULL;
    s->inner->free(s->inner);
    free(s);
}

static inline int codesocial_capture_action(git_smart_subtransport_stream **out, git_smart_subtransport *transport,
                                            const char *url, git_smart_service_t action) {
    codesocial_capture *c = (codesocial_capture *)transport;
    git_smart_subtransport_stream *inner = NULL;
    int error = c->inner->action(&inner, c->inner, url, action);
    if (error < 0) return error;
    /* git:// and ssh:// hand back the connection they already have for the second action. */
    if (c->stream && c->stream->inner == inner) {
        *out = &c->stream->parent;
        return 0;
    }
    codesocial_capture_stream *s = (codesocial_capture_stream *)calloc(1, sizeof(codesocial_capture_stream));
    if (!s) {
        inner->free(inner);
        git_error_set_oom();
        return -1;
    }
    s->parent.subtransport = transport;
    s->parent.read = codesocial_capture_stream_read;
    s->parent.write = codesocial_capture_stream_write;
    s->parent.free = codesocial_capture_stream_free;
    s->inner = inner;
    s->owner = c;
    c->stream = s;
    *out = &s->parent;
    return 0;
}

static inline int codesocial_capture_close(git_smart_subtransport *transport) {
    codesocial_capture *c = (codesocial_capture *)transport;
    return c->inner->close(c->inner);
}

static inline void codesocial_capture_free(git_smart_subtransport *transport) {
    codesocial_capture *c = (codesocial_capture *)transport;
    c->inner->free(c->inner);
    free(c->bytes);
    free(c);
}

/** The subtransport constructor to put in a git_smart_subtransport_definition, with a slot as `param`. */
static inline int codesocial_capture_new(git_smart_subtransport **out, git_transport *owner, void *param) {
    codesocial_capture_slot *slot = (codesocial_capture_slot *)param;
    codesocial_capture *c = (codesocial_capture *)calloc(1, sizeof(codesocial_capture));
    if (!c) {
        git_error_set_oom();
        return -1;
    }
    int error = slot->inner_callback(&c->inner, owner, NULL);
    if (error < 0) {
        free(c);
        return error;
    }
    c->parent.action = codesocial_capture_action;
    c->parent.close = codesocial_capture_close;
    c->parent.free = codesocial_capture_free;
    c->recording = 1;
    slot->capture = c;
    *out = &c->parent;
    return 0;
}

/** Opens a stream for `action` on the wrapped subtransport (HTTP opens a new request for RECEIVEPACK). */
static inline int codesocial_capture_open(codesocial_capture *c, const char *url, git_smart_service_t action) {
    git_smart_subtransport_stream *stream = NULL;
    return codesocial_capture_action(&stream, &c->parent, url, action);
}

/** Writes all of `buffer` on the live stream. */
static inline int codesocial_capture_write(codesocial_capture *c, const char *buffer, size_t len) {
    if (!c->stream) {
        git_error_set_str(GIT_ERROR_NET, "the connection to the server is closed");
        return -1;
    }
    return c->stream->inner->write(c->stream->inner, buffer, len);
}

/** Reads what is available (at most `size` bytes) from the live stream; 0 bytes read means end of stream. */
static inline int codesocial_capture_read(codesocial_capture *c, char *buffer, size_t size, size_t *bytes_read) {
    *bytes_read = 0;
    if (!c->stream) {
        git_error_set_str(GIT_ERROR_NET, "the connection to the server is closed");
        return -1;
    }
    return c->stream->inner->read(c->stream->inner, buffer, size, bytes_read);
}

/** Stops recording what is read (the advertisement is complete). */
static inline void codesocial_capture_stop_recording(codesocial_capture *c) { c->recording = 0; }

/** Marks the request as sent: libgit2's later goodbye flush must not reach the server. */
static inline void codesocial_capture_finish(codesocial_capture *c) { c->finished = 1; }

/** The recorded bytes and their length. */
static inline const char *codesocial_capture_bytes(const codesocial_capture *c, size_t *length) {
    *length = c->length;
    return c->bytes;
}

/** Whether a stream is live. */
static inline int codesocial_capture_has_stream(const codesocial_capture *c) { return c->stream != NULL; }

/** Frees the live stream (after an HTTP request codesocial opened itself). */
static inline void codesocial_capture_close_stream(codesocial_capture *c) {
    if (c->stream) c->stream->parent.free(&c->stream->parent);
}

#endif
