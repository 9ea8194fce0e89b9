package dev.titanj.testing;

/**
 * Kinds of personal data that recording can mask in fixtures. Masked values are replaced by a
 * stable stand-in derived from a hash of the original, so the same person gets the same
 * stand-in in every response, and requests that carry the original still match in replay.
 */
public enum Mask {
  /** {@code name}, {@code firstName}, {@code lastName}, {@code technicianName}, login names... */
  NAMES,
  /** {@code phone}, {@code phoneNumber}, {@code mobilePhone}, and contact values of phone types. */
  PHONES,
  /** {@code email} fields and any string that looks like an e-mail address. */
  EMAILS,
  /** {@code street}, {@code unit}, {@code zip}, {@code latitude}, {@code longitude}. */
  ADDRESSES
}
