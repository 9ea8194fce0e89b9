package dev.titanj.core;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

  /**
   * Removes the token under {@code key} only if it is still {@code expected}, so a process that
   * saw a token rejected does not delete the fresh one another process has stored meanwhile.
   * The default reads then removes (not atomic); shared stores override it with an atomic remove.
   */
  default void remove(String key, AccessToken expected) {
    if (get(key).filter(expected::equals).isPresent()) {
      remove(key);
    }
  }

  /**
   * Obtains a new token for {@code key} when the client holds none it can use. The client calls
   * this from the one thread that refreshes (its own threads wait for that one), so a store used
   * by a single process needs no coordination: the default calls {@code fetch} and stores the
   * result. A store shared by several processes overrides it so that, across all of them, one
   * token request is sent per expiry, and the others adopt the stored token (see
   * {@link JCacheTokenStore}).
   *
   * @param key the store key (environment, tenant and client id)
   * @param usable whether a stored token may be used instead of fetching (not about to expire,
   *     not the one the API just rejected)
   * @param fetch sends the token request and returns the new token without storing it; call it
   *     at most once
   * @return a usable stored token, or the fetched one (stored)
   */
  default AccessToken refresh(String key, Predicate<AccessToken> usable,
      Supplier<AccessToken> fetch) {
    AccessToken token = fetch.get();
    put(key, token);
    return token;
  }

  /** A thread-safe store in this JVM's memory. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
