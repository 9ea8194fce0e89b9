package dev.titanj.core;

/**
 * Root of every exception TitanJ throws. Unchecked, like AWS SDK v2 and Retrofit's
 * {@code HttpException}: callers catch what they can handle and let the rest propagate.
 * Messages never contain credentials or tokens.
 */
public class TitanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TitanException(String message) {
    super(message);
  }

  public TitanException(String message, Throwable cause) {
    super(message, cause);
  }
}
