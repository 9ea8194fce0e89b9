package dev.titanj.core;

import java.util.Optional;

/**
 * Where access tokens live between calls. The default keeps them in memory; keys combine
 * environment, tenant and client id. A shared implementation (such as one over JCache) lets
 * several processes use one token. Implementations must be thread-safe; a store that cannot be
 * reached should behave as empty rather than fail, and the client will fetch a token itself.
 */
public interface TokenStore {

  /** The token stored under {@code key}, if any (it may be expired; callers check). */
  Optional<AccessToken> get(String key);

  /** Stores {@code token} under {@code key}, replacing any earlier one. */
  void put(String key, AccessToken token);

  /** Removes the token under {@code key}, for example after the API rejected it. */
  void remove(String key);

  /** A thread-safe store in this JVM's memory. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
