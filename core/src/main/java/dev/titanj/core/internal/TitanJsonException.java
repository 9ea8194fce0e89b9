package dev.titanj.core.internal;


/**
 * A JSON value that cannot be read as the declared Java type; thrown by TitanJ's adapters with
 * the type and JSON path, and turned into a {@link dev.titanj.core.TitanDecodingException} with
 * the request path.
 */
public final class TitanJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String field;

  public TitanJsonException(String type, String field, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.field = field;
  }

  public String type() {
    return type;
  }

  public String field() {
    return field;
  }
}
