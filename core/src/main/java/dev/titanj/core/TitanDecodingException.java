package dev.titanj.core;

import java.util.Optional;

/**
 * A response body could not be read as the expected type, such as a string where a number must
 * be. Names the Java type, the JSON path of the field and the request path. Missing or null
 * fields never cause this: response types read them as empty.
 */
public class TitanDecodingException extends TitanException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String field;
  private final String requestPath;

  public TitanDecodingException(String type, String field, String requestPath, Throwable cause) {
    super("Cannot decode " + type + (field == null ? "" : " at " + field)
        + (requestPath == null ? "" : " from " + requestPath)
        + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    this.type = type;
    this.field = field;
    this.requestPath = requestPath;
  }

  /** The Java type being decoded. */
  public String type() {
    return type;
  }

  /** The JSON path of the field that could not be read, such as {@code $.data[3].balance}. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Method and path of the request whose response failed to decode. */
  public Optional<String> requestPath() {
    return Optional.ofNullable(requestPath);
  }
}
