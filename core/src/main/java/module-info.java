/**
 * TitanJ core: the client ({@code dev.titanj.core}), the JSON annotations generated records use
 * ({@code dev.titanj.core.json}) and the runtime generated modules call ({@code
 * dev.titanj.core.spi}). {@code dev.titanj.core.internal} is not exported: no module can reach
 * the client's settings, credentials or authenticated HTTP client.
 */
module dev.titanj.core {
  exports dev.titanj.core;
  exports dev.titanj.core.json;
  exports dev.titanj.core.spi;

  // Moshi reads the paged and export envelopes reflectively.
  opens dev.titanj.core.spi to com.squareup.moshi;

  requires transitive retrofit2;
  requires transitive okhttp3;
  requires transitive com.squareup.moshi;
  requires transitive cache.api;
  requires transitive com.google.errorprone.annotations;
  requires retrofit2.converter.moshi;
  requires okio;
  requires kotlin.stdlib;
  requires org.slf4j;
  requires ehcache;
  requires static org.immutables.value.annotations;
  requires static io.github.bucket4j.core;
  requires static io.github.bucket4j.jcache;
  requires static micrometer.core;

  uses dev.titanj.core.spi.TitanModule;
}
