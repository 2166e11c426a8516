@SMETS2 @ESME @SRV-6.15.1 @SRV-6.21 @baseline @e2e
Feature: A supplier places the wrong Network Operator's certificates on a SMETS2 electricity meter
  At installation the network operator trust anchor cells hold either the Supplier's
  certificates (the Supplier then sends SRV 6.15.1) or the DCC's (the Supplier sends SRV 6.21);
  either way the Supplier chooses which Network Operator's certificates go in (SECMP0063).
  On SMETS2 "the only requirement is that the sender is the owner of the certificate" (MP107),
  so the wrong Network Operator can put the right one's certificates in place.

  Background:
    Given the estate runs under the "baseline" rules

  Scenario: the wrong NO's certificates placed with SRV 6.15.1, then corrected by the wrong NO
    Given a SMETS2 electricity meter supplied by "Cirrus Energy" at MPAN 1500000000015, its network operator cells holding the supplier's certificates
    When "Cirrus Energy" sends SRV 6.15.1 placing the certificates of "Northern Powergrid (Yorkshire)" in the network operator cells
    Then the meter's network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"
    When "Northern Powergrid (North East)" sends SRV 6.15.1 placing its own certificates in the network operator cells
    Then the device refuses it: the response to "Northern Powergrid (North East)" carries alert 8F30
    And the meter's network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"
    When "Northern Powergrid (Yorkshire)" sends SRV 6.15.1 placing the certificates of "Northern Powergrid (North East)" in the network operator cells
    Then the meter's network operator cells hold the certificates of "Northern Powergrid (North East)"
    When "Northern Powergrid (North East)" sends SRV 6.24.1 to read the meter's security credentials
    Then "Northern Powergrid (North East)" receives the device's response with code I0

  Scenario: the wrong NO's certificates placed with SRV 6.21 where the cells held the DCC's
    Given a SMETS2 electricity meter supplied by "Aurora Energy" at MPAN 1000000000012, its network operator cells holding the DCC's certificates
    When "Aurora Energy" sends SRV 6.21 placing the certificates of "UK Power Networks (London)" in the network operator cells
    Then the meter's network operator cells hold the certificates of "UK Power Networks (London)"
    When "UK Power Networks (London)" sends SRV 6.15.1 placing the certificates of "UK Power Networks (Eastern)" in the network operator cells
    Then the meter's network operator cells hold the certificates of "UK Power Networks (Eastern)"
