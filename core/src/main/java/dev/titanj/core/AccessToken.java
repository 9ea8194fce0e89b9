package dev.titanj.core;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth 2.0 access token and the instant it expires. {@link #toString()} never shows the
 * token itself.
 */
public final class AccessToken implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String value;
  private final Instant expiresAt;

  /**
   * @param value the bearer token (not blank)
   * @param expiresAt when the token stops working
   */
  public AccessToken(String value, Instant expiresAt) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("token value must not be blank");
    }
    this.value = value;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The bearer token. Handle with care: never log it. */
  public String value() {
    return value;
  }

  /** When the server said the token stops working. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** True when the token expires within {@code margin} of {@code now}. */
  public boolean isExpiringWithin(java.time.Duration margin, Instant now) {
    return !now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken && ((AccessToken) o).value.equals(value)
        && ((AccessToken) o).expiresAt.equals(expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{value=<redacted>, expiresAt=" + expiresAt + "}";
  }
}
