@SMETS2 @SRV-6.21 @SECMP0063 @e2e
Feature: SECMP0063 – the DSP checks the Network Operator certificate against the meter point
  "an additional response code to Service Request 6.21 could be used to validate the Certificate
  against the first two digits of the MPAN, whilst ensuring DCC would still be able to place
  recovery keys on the meter" (SECMP0063 Working Group). The response code is harness-defined.

  Background:
    Given the estate runs under the "secmp0063" rules

  Scenario: the wrong SRV 6.21 is refused with the new code, and nothing changes
    Given a SMETS2 electricity meter supplied by "Aurora Energy" at MPAN 1000000000012, its network operator cells holding the DCC's certificates
    When "Aurora Energy" sends SRV 6.21 placing the certificates of "UK Power Networks (London)" in the network operator cells
    Then the DSP refuses it with response code E9063
    And the meter's network operator cells hold the DCC's certificates

  Scenario: the right SRV 6.21 is accepted
    Given a SMETS2 electricity meter supplied by "Aurora Energy" at MPAN 1000000000012, its network operator cells holding the DCC's certificates
    When "Aurora Energy" sends SRV 6.21 placing the certificates of "UK Power Networks (Eastern)" in the network operator cells
    Then the meter's network operator cells hold the certificates of "UK Power Networks (Eastern)"

  @GPF
  Scenario: an electricity NO's certificates on a gas proxy function are refused
    Given a SMETS2 gas meter supplied by "Dunlin Gas" at MPRN 7400000001 transported by "Wales & West Utilities", its gas proxy function's network operator cells holding the supplier's certificates
    When "Dunlin Gas" sends SRV 6.15.1 placing the certificates of "UK Power Networks (London)" on the gas proxy function
    Then the DSP refuses it with response code E9063
