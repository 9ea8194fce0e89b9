package dev.titanj.core;

import dev.titanj.core.internal.Redaction;

/**
 * Removes credentials from text before it is printed or logged: the secrets it was told about
 * and anything shaped like one (bearer tokens, JWTs, {@code client_secret=} form fields, app-key
 * headers echoed in a body). The same scrubber the client applies to its own exception messages
 * and logs; for tools built on TitanJ, such as the CLI, that print text of their own. Thread-safe.
 */
public final class SecretScrubber {
  private final Redaction redaction = new Redaction();

  /** Also scrubs {@code secret} wherever it appears (null or blank is ignored). */
  public void remember(String secret) {
    redaction.remember(secret);
  }

  /** {@code text} with every known or credential-shaped value replaced; null stays null. */
  public String scrub(String text) {
    return redaction.scrub(text);
  }

  @Override
  public String toString() {
    return "SecretScrubber";
  }
}
