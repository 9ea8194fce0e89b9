package dev.titanj.core;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link TokenStore}: a concurrent map in this JVM. */
final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentHashMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<AccessToken> get(String key) {
    return Optional.ofNullable(tokens.get(key));
  }

  @Override
  public void put(String key, AccessToken token) {
    tokens.put(key, token);
  }

  @Override
  public void remove(String key) {
    tokens.remove(key);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{size=" + tokens.size() + "}";
  }
}
