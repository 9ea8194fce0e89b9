package dev.titanj.core.query;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.spi.Descriptors;
import dev.titanj.core.spi.TitanModule;
import java.util.List;

/** A one-resource module for core's tests, announced in test META-INF/services. */
public final class SampleModule implements TitanModule {
  /** The area's path below the API base. */
  public static final String BASE = "test/v2";
  /** The test resource's key. */
  public static final ResourceKey<Sample, Long> KEY =
      ResourceKey.of(SampleRepository.RESOURCE, Sample.class, Long.class);

  private static final Descriptors OPS = Descriptors.under(BASE + "/tenant/{tenant}/");

  static final ResourceDescriptor<Sample, Long> SAMPLES = new ResourceDescriptor<>(KEY, List.of(
      OPS.page("Samples_GetList", "GET", "samples", Sample.class),
      OPS.object("Samples_Get", "GET", "samples/{id}", Sample.class),
      OPS.object("Samples_Update", "PATCH", "samples/{id}", Sample.class),
      OPS.export("Samples_Export", "GET", "export/samples", Sample.class)),
      false, "tn.test.samples:r", "tn.test.samples:w", SampleRepository::new);

  @Override
  public String area() {
    return "test";
  }

  @Override
  public List<ResourceDescriptor<?, ?>> resources() {
    return List.of(SAMPLES);
  }
}
