@SMETS1 @ESME @SRV-6.15.1 @baseline @MP107 @e2e
Feature: On SMETS1 nobody can correct a wrong Network Operator certificate
  For SMETS1 Critical Service Requests the DSP checks that the sender is an Eligible User for
  the device in the Registration Data (SEC Appendix AB 6.1); the S1SP checks that the sender owns
  the certificate in the virtual anchor slot. With NO-B's certificate in the slots of a meter
  registered to NO-A, the correct certificates cannot be sent (MP107 draft proposal):
  "the Device owner sends SRV 6.15.1 as they are not the owner of the (wrong) Network Operator
  Certificate; and the owner of the (wrong) Network Operator Certificate sends SRV 6.15.1 as they
  are not the owner of the Device as validated using the RDP data."

  Background:
    Given the estate runs under the "baseline" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"

  Scenario: the registered NO is refused by the S1SP: it does not own the certificate in the slot
    When "SP Energy Networks (Merseyside & N Wales)" sends SRV 6.15.1 placing its own certificates in the network operator slots
    Then the S1SP refuses it: "SP Energy Networks (Merseyside & N Wales)" is not the owner of the certificate in the slot
    And the meter's network operator slots hold the certificates of "UK Power Networks (London)"

  Scenario: the wrong NO is refused by the DSP with E4: it is not registered for the MPAN
    When "UK Power Networks (London)" sends SRV 6.15.1 placing the certificates of "SP Energy Networks (Merseyside & N Wales)" in the network operator slots
    Then the DSP refuses it with response code E4
    And the meter's network operator slots hold the certificates of "UK Power Networks (London)"
