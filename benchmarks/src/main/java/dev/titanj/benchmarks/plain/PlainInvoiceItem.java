package dev.titanj.benchmarks.plain;

import java.math.BigDecimal;
import java.time.Instant;

/** Baseline: an invoice line item, the same fields as {@code InvoiceItem}. */
public class PlainInvoiceItem {
  public long id;
  public String description;
  public BigDecimal quantity;
  public BigDecimal cost;
  public BigDecimal totalCost;
  public Long budgetCodeId;
  public Long inventoryLocationId;
  public String inventoryLocation;
  public BigDecimal price;
  public String type;
  public String skuName;
  public Long skuId;
  public BigDecimal total;
  public Boolean inventory;
  public Boolean taxable;
  public PlainGlAccount generalLedgerAccount;
  public PlainGlAccount costOfSaleAccount;
  public PlainGlAccount assetAccount;
  public Long membershipTypeId;
  public PlainItemGroup itemGroup;
  public String displayName;
  public BigDecimal soldHours;
  public Instant createdOn;
  public Instant modifiedOn;
  public Instant serviceDate;
  public Integer order;
  public PlainNamed businessUnit;
  public Long createdById;
  public Boolean displayInAmount;
  public String importId;
  public String exportId;
  public String inventoryStatus;
  public Boolean addOn;
  public BigDecimal memberPrice;
  public Long technicianId;
  public Long installedEquipmentId;
  public Long estimateItemId;
}
