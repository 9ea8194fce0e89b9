package dev.titanj.core.cache;

import java.net.URI;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import org.ehcache.jsr107.EhcacheCachingProvider;

/**
 * A JCache provider that, like a distributed one (Hazelcast), cannot store by reference:
 * Ehcache underneath, with {@code STORE_BY_REFERENCE} reported unsupported.
 */
public final class ByValueOnlyCachingProvider implements CachingProvider {
  static final EhcacheCachingProvider DELEGATE = new EhcacheCachingProvider();

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    return DELEGATE.getCacheManager(uri, classLoader, properties);
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return DELEGATE.getDefaultClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return DELEGATE.getDefaultURI();
  }

  @Override
  public Properties getDefaultProperties() {
    return DELEGATE.getDefaultProperties();
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return DELEGATE.getCacheManager(uri, classLoader);
  }

  @Override
  public CacheManager getCacheManager() {
    return DELEGATE.getCacheManager();
  }

  @Override
  public void close() {
    DELEGATE.close();
  }

  @Override
  public void close(ClassLoader classLoader) {
    DELEGATE.close(classLoader);
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    DELEGATE.close(uri, classLoader);
  }

  @Override
  public boolean isSupported(OptionalFeature optionalFeature) {
    return optionalFeature != OptionalFeature.STORE_BY_REFERENCE
        && DELEGATE.isSupported(optionalFeature);
  }
}
