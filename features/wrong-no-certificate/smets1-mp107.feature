@SMETS1 @ESME @SRV-6.15.1 @MP107 @e2e
Feature: MP107 – correcting SMETS1 Network Operator certificates
  Requirement 1: "remove the DSP RDP check for SRV 6.15.1 targeted at SMETS1 Devices specifically
  where it targets Network Operator Certificates". Requirement 2: "the DCC undertaking corrective
  action to fix the existing incorrect Network Operator's certificates as a one-off activity on
  the SMETS1 Devices' virtual anchor slots".

  @mp107-r1
  Scenario: under Requirement 1 the wrong NO's SRV 6.15.1 is accepted and the slots are corrected
    Given the estate runs under the "mp107-r1" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"
    When "UK Power Networks (London)" sends SRV 6.15.1 placing the certificates of "SP Energy Networks (Merseyside & N Wales)" in the network operator slots
    Then the meter's network operator slots hold the certificates of "SP Energy Networks (Merseyside & N Wales)"

  @mp107-r1
  Scenario: under Requirement 1 a 6.15.1 for supplier certificates still needs the registered supplier
    Given the estate runs under the "mp107-r1" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"
    When "Borealis Power" sends SRV 6.15.1 placing its own certificates in the supplier slots
    Then the DSP refuses it with response code E4

  @mp107-r2
  Scenario: the one-off corrective job corrects exactly the wrong slots, and reports per S1SP
    Given the estate runs under the "mp107-r2" rules
    And these SMETS1 electricity meters:
      | S1SP   | supplier       | MPAN          | network operator slots hold    |
      | S1SP-A | Borealis Power | 1200000000011 | UK Power Networks (London)     |
      | S1SP-A | Borealis Power | 1400000000001 | UK Power Networks (London)     |
      | S1SP-B | Cirrus Energy  | 1300000000007 | UK Power Networks (London)     |
      | S1SP-B | Cirrus Energy  | 1800000000000 | SP Energy Networks (South Scotland) |
    When the DCC runs the MP107 corrective job as a dry run
    Then the job reports 1 mismatched of 2 at "S1SP-A" and 1 mismatched of 2 at "S1SP-B", and nothing changed
    When the DCC runs the MP107 corrective job
    Then the job reports 1 corrected at "S1SP-A" and 1 corrected at "S1SP-B"
    And every SMETS1 meter's network operator slots hold its registered network operator's certificates

  @mp107-r2
  Scenario Outline: without Requirement 2 the DCC has no corrective job (<rules>)
    Given the estate runs under the "<rules>" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"
    When the DCC tries to run the MP107 corrective job
    Then it is refused with a message containing "jobs: ['mp107-r2']"
    And the meter's network operator slots hold the certificates of "UK Power Networks (London)"

    Examples:
      | rules    |
      | baseline |
      | mp107-r1 |
