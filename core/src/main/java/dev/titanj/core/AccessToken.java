package dev.titanj.core;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth 2.0 access token and the instant it expires. {@link #toString()} never shows the
 * token itself.
 *
 * <p>A value: two tokens are equal when their token values and expiry instants are. It is
 * {@link Serializable} as a record (deserialization runs the validating constructor); the
 * project's own token stores keep tokens as text, not in Java serialized form.
 *
 * @param value the bearer token (not blank). Handle with care: never log it
 * @param expiresAt when the server said the token stops working (not null)
 */
public record AccessToken(String value, Instant expiresAt) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * @throws IllegalArgumentException if {@code value} is null or blank
   * @throws NullPointerException if {@code expiresAt} is null
   */
  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("token value must not be blank");
    }
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** True when the token expires within {@code margin} of {@code now}. */
  public boolean isExpiringWithin(Duration margin, Instant now) {
    return !now.plus(margin).isBefore(expiresAt);
  }

  /** Shows the expiry only; the token value is always {@code <redacted>}. */
  @Override
  public String toString() {
    return "AccessToken{value=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
