package dev.titanj.cli.internal;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Replaces known secret values (client secret, app key) by {@code <redacted>} in text the CLI prints. */
public final class Redactor {
  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  /** Remembers a value that must never be printed; blank and very short values are ignored. */
  public void add(String secret) {
    if (secret != null && secret.trim().length() >= 4) {
      secrets.add(secret.trim());
    }
  }

  /** {@code text} with every remembered secret replaced. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "<redacted>");
    }
    return out;
  }
}
