package dev.titanj.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.inventory.internal.InventorySchemas;
import dev.titanj.core.testsupport.ApiServer;
import dev.titanj.core.testsupport.ModuleContract;
import dev.titanj.core.testsupport.WireBodies;
import org.junit.jupiter.api.Test;

/** Every Inventory operation is bound and reachable; every record decodes and encodes by the spec's names. */
class InventoryContractTest {

  @Test
  void everyOperation_isBoundToRetrofit_andReachableFromARepository() throws Exception {
    ModuleContract.verifyCoverage(new InventoryModule(), 47);
  }

  @Test
  void everyResponseRecord_decodesFromAFullSample_andFromAnAlmostEmptyOne() throws Exception {
    assertThat(ModuleContract.verifyResponses(InventorySchemas.RESPONSE_FIELDS)).isGreaterThanOrEqualTo(25);
  }

  @Test
  void everyRequestRecord_encodesToTheDeclaredFieldNames() throws Exception {
    assertThat(ModuleContract.verifyRequests(InventorySchemas.REQUEST_FIELDS)).isGreaterThanOrEqualTo(36);
  }

  @Test
  void descriptors_flagTheReferenceData_andNameTheirScopes() {
    ModuleContract.verifyReferenceData(new InventoryModule(), java.util.Set.of("inventory.warehouses", "inventory.trucks", "inventory.purchase-order-types"));
  }

  @Test
  void everyOperationWithABody_sendsExactlyTheFieldsThatWereSet() throws Exception {
    try (ApiServer server = new ApiServer()) {
      int operations = WireBodies.verifyEveryBody(new InventoryModule(), server);
      System.out.println("Inventory: exact bodies checked for " + operations + " operations");
      assertThat(operations).isEqualTo(26);
    }
  }
}
