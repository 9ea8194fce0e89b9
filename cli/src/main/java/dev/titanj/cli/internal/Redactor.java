package dev.titanj.cli.internal;

import dev.titanj.core.SecretScrubber;
import dev.titanj.core.SettingsChain;

/**
 * Cleans text the CLI prints with TitanJ's one scrubber ({@link dev.titanj.core.SecretScrubber}): the secrets it was
 * told (client secret, app key) and whatever looks like a credential ({@code Bearer …},
 * {@code Authorization}/{@code ST-App-Key} echoes, {@code client_secret=}/{@code access_token=}).
 * Tokens need no telling: exceptions are scrubbed by the client that built them, which knows
 * every token it held.
 */
public final class Redactor {
  private final SecretScrubber redaction = new SecretScrubber();

  /** Remembers a value that must never be printed; blank and very short values are ignored. */
  public void add(String secret) {
    redaction.remember(secret);
  }

  /** Remembers the credentials of {@code settings}. */
  public void remember(SettingsChain settings) {
    settings.rememberSecrets(redaction);
  }

  /** {@code text} with every remembered secret and every credential-looking value replaced. */
  public String redact(String text) {
    return redaction.scrub(text);
  }
}
