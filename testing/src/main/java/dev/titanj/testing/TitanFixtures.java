package dev.titanj.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test against recorded ServiceTitan exchanges and injects a {@link dev.titanj.core.ServiceTitan}
 * (or the {@link FixtureSession}) as a parameter. Each test method has its own file,
 * {@code src/test/resources/titanj-fixtures/<value>/<method>.json}, needed only when the method
 * takes one of those parameters; an annotation on a method overrides the class's (folder, masks,
 * tenant).
 *
 * <p>Replay is the default (and the only mode when {@code CI} is set). Record with
 * {@code -Dtitanj.fixtures=record} or {@code TITANJ_FIXTURES=record} and the {@code ST_*}
 * variables of a sandbox tenant; secrets never reach the files, and {@link #mask()} masks
 * personal data.
 *
 * <pre>{@code
 * @TitanFixtures(value = "crm/customers", mask = {Mask.NAMES, Mask.PHONES})
 * class CustomerSyncTest {
 *   @Test
 *   void importsActiveCustomers(ServiceTitan st) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TitanFixturesExtension.class)
public @interface TitanFixtures {
  /** Folder of this test's fixtures below {@code titanj-fixtures/}, e.g. {@code crm/customers}. */
  String value();

  /** Personal data to mask when recording. */
  Mask[] mask() default {};

  /** Further field or query parameter names to mask when recording. */
  String[] maskFields() default {};

  /** Tenant id of the replay client. */
  long tenant() default FakeServiceTitan.DEFAULT_TENANT_ID;
}
