package dev.titanj.core.internal;

import java.io.IOException;

/**
 * An I/O failure that provably happened before any byte of the request was written: the
 * connection could not be opened, or a pooled connection was found closed by the server before
 * the request was written to it. Replaying such a request is safe for every method.
 */
final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(String message, IOException cause) {
    super(message, cause);
  }
}
