package dev.titanj.benchmarks.plain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Baseline: a CRM customer as a plain mutable class with public fields, the same fields as {@code dev.titanj.crm.model.Customer}. */
public class PlainCustomer {
  public long id;
  public Boolean active;
  public String name;
  public String type;
  public PlainCustomerAddress address;
  public List<PlainCustomField> customFields;
  public BigDecimal balance;
  public Boolean taxExempt;
  public List<Long> tagTypeIds;
  public Boolean doNotMail;
  public Boolean doNotService;
  public Boolean nationalAccount;
  public Instant createdOn;
  public Long createdById;
  public Instant modifiedOn;
  public Long mergedToId;
  public Long paymentTermId;
  public List<PlainExternalData> externalData;
}
