package dev.titanj.benchmarks.plain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Baseline: an accounting invoice as a plain mutable class, the same fields as {@code dev.titanj.accounting.model.Invoice}. */
public class PlainInvoice {
  public long id;
  public String syncStatus;
  public Long budgetCodeId;
  public String referenceNumber;
  public Instant invoiceDate;
  public Instant dueDate;
  public BigDecimal subTotal;
  public BigDecimal salesTax;
  public PlainSalesTax salesTaxCode;
  public Long taxZoneId;
  public BigDecimal total;
  public BigDecimal balance;
  public PlainNamed invoiceType;
  public PlainNamed customer;
  public PlainAddress customerAddress;
  public PlainNamed location;
  public PlainAddress locationAddress;
  public PlainNamed businessUnit;
  public String termName;
  public String createdBy;
  public PlainBatch batch;
  public Instant depositedOn;
  public Instant createdOn;
  public Instant modifiedOn;
  public Long adjustmentToId;
  public PlainJob job;
  public Long projectId;
  public PlainRoyalty royalty;
  public PlainEmployeeInfo employeeInfo;
  public String commissionEligibilityDate;
  public String sentStatus;
  public String reviewStatus;
  public PlainNamed assignedTo;
  public String summary;
  public List<PlainInvoiceItem> items;
  public List<PlainNameValue> customFields;
  public Boolean active;
  public BigDecimal discountTotal;
  public String importId;
  public String exportId;
  public Long materialSkuId;
  public Long membershipId;
  public Instant paidOn;
}
