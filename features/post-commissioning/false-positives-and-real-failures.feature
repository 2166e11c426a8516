@post-commissioning
Feature: SMETS2+ post-commissioning failures, judged under the current and the proposed criteria
  Seed 004 (draft SEC modification, raised by the DCC): "The DCC reporting criteria for Post
  Commissioning Obligations are mandated in SEC Appendix AC section 5":
    - DCC User sending 2x SRV 6.17 'Issue Security Credentials' successfully;
    - DCC User sending 2x SRV 6.15.2 'Update Security Credentials (Device)' successfully;
    - DCC User sending SRV 6.15.1 'Update Security Credentials (Known Remote Party (KRP))' successfully;
    - DSP checking that Device is communicating correctly;
    - DSP checking that Recovery Trust Anchor Cell is populated correctly.
  "the DCC Post Commissioning reports record failures in the process, even though Devices may be
  communicating correctly and have the correct Security Certificates. This can happen for several
  reasons, including Responses to Service Reference Variants (SRVs) timing out and Devices returning
  an 'empty' Execution Status [...]. Also, if there is a Change of Supplier (CoS) prior to completion
  of Post Commissioning Obligations, the Device will continue to be reported as having failed [...]
  DCC Users can choose to send an SRV 6.21 'Request Handover of DCC Controlled Device' instead of
  SRV 6.15.1 if the Network Operator Trust Anchor Cells are populated with DCC credentials."

  Each scenario installs a home on a running estate, its supplier sends the Service Requests over
  DUIS through the DSP and the CSP to the device, and the DSP's journal is judged twice: under the
  "current" criteria (every Service Request successful) and the "proposed" ones (the certificates
  actually on the device). Deadlines are 30 days after commissioning [assumed].

  Scenario Outline: false positive – <reason>: reported failed today, securely commissioned in fact
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", where <situation>
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation   | cause   |
      | <obligation> | <cause> |
    And under the proposed criteria the meter passes post-commissioning
    And the meter is a false positive

    @SRV-6.15.1
    Examples: Responses timing out, Devices returning an 'empty' Execution Status
      | reason                 | situation                                                                            | obligation                                                              | cause                                                 |
      | response time-out      | the response to its SRV 6.15.1 times out                                             | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Response timed out (E21)                              |
      | empty execution status | its SRV 6.15.1 is future-dated, so the device answers with an empty execution status | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Empty execution status (I0 without execution outcome) |

    @SRV-6.21
    Examples: SRV 6.21 instead of SRV 6.15.1 where the Network Operator cells hold DCC credentials
      | reason                       | situation                                       | obligation                                                              | cause                                        |
      | SRV 6.21 instead of 6.15.1 | its network operator cells hold DCC credentials | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Done by another SRV (6.21 instead of 6.15.1) |

  @SRV-6.23 @SRV-6.17 @SRV-6.15.2
  Scenario: false positive – change of supplier mid-flow: the new supplier completes the credentials
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", whose meter point changes supplier to "Borealis Power" before its post-commissioning Service Requests are complete
    When the supplier sends its post-commissioning Service Requests
    Then "Borealis Power" has sent SRV 6.23 to the meter
    And "Borealis Power" has sent SRV 6.17 to the meter
    And "Borealis Power" has sent SRV 6.15.2 to the meter
    And the meter's supplier cells all hold the certificates of "Borealis Power"
    And under the current criteria the meter fails post-commissioning:
      | obligation                                          | cause                                        |
      | SRV 6.17 Issue Security Credentials (KA)            | Change of supplier (6.23) before completion |
      | SRV 6.15.2 Update Security Credentials (Device, KA) | Change of supplier (6.23) before completion |
    And under the proposed criteria the meter passes post-commissioning
    When 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation                                          | cause                                        |
      | SRV 6.17 Issue Security Credentials (KA)            | Change of supplier (6.23) before completion |
      | SRV 6.15.2 Update Security Credentials (Device, KA) | Change of supplier (6.23) before completion |
    And under the proposed criteria the meter passes post-commissioning
    And the meter is a false positive
    And the report counts the meter against "Aurora Energy", the supplier that commissioned it

  @SRV-6.15.1
  Scenario: real failure – installed with the wrong Network Operator's certificates: the device refuses the 6.15.1
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", where it was installed with another network operator's certificates
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation                                                              | cause                                      |
      | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Device refused the command (alerts only)   |
    And under the proposed criteria the meter fails post-commissioning:
      | obligation                                                              | cause                                             |
      | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Network operator cells hold the wrong certificate |
    And the meter is a real failure

  @SRV-6.15.1
  Scenario: missed today – a successful SRV 6.15.1 placing the wrong Network Operator's certificates
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", where the supplier's successful SRV 6.15.1 places another network operator's certificates
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter passes post-commissioning
    But under the proposed criteria the meter fails post-commissioning:
      | obligation                                                              | cause                                             |
      | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Network operator cells hold the wrong certificate |
    And the meter is missed by the reported criteria

  Scenario: real failure – the Recovery trust anchor cell is not populated
    Given a SMETS2 electricity meter newly commissioned by "Cirrus Energy", where its Recovery trust anchor cell is left empty
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation                                  | cause                         |
      | Recovery trust anchor populated (DSP check) | Recovery trust anchor missing |
    And under the proposed criteria the meter fails post-commissioning:
      | obligation                                  | cause                         |
      | Recovery trust anchor populated (DSP check) | Recovery trust anchor missing |
    And the meter is a real failure

  @SRV-6.17 @SRV-6.15.2 @SRV-6.15.1
  Scenario: real failure – the device never communicates
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", where the device never communicates
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation                                                              | cause                      |
      | SRV 6.17 Issue Security Credentials (DS)                                | Device unreachable (E20)   |
      | SRV 6.17 Issue Security Credentials (KA)                                | Device unreachable (E20)   |
      | SRV 6.15.2 Update Security Credentials (Device, DS)                     | Service Request never sent |
      | SRV 6.15.2 Update Security Credentials (Device, KA)                     | Service Request never sent |
      | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Device unreachable (E20)   |
      | Device communicating (DSP check)                                        | Device never communicated  |
    And under the proposed criteria the meter fails post-commissioning:
      | obligation                                                              | cause                                             |
      | SRV 6.17 Issue Security Credentials (DS)                                | Device credentials not renewed                    |
      | SRV 6.17 Issue Security Credentials (KA)                                | Device credentials not renewed                    |
      | SRV 6.15.2 Update Security Credentials (Device, DS)                     | Device credentials not renewed                    |
      | SRV 6.15.2 Update Security Credentials (Device, KA)                     | Device credentials not renewed                    |
      | Network operator credentials (SRV 6.15.1, or 6.21 from DCC credentials) | Network operator cells hold the wrong certificate |
      | Device communicating (DSP check)                                        | Device never communicated                         |
    And the meter is a real failure

  @SRV-6.17 @SRV-6.15.2
  Scenario: real failure – the device credentials are never renewed
    Given a SMETS2 electricity meter newly commissioned by "Aurora Energy", where the supplier never sends SRV 6.17 or SRV 6.15.2
    When the supplier sends its post-commissioning Service Requests
    And 31 days pass
    Then under the current criteria the meter fails post-commissioning:
      | obligation                                          | cause                        |
      | SRV 6.17 Issue Security Credentials (DS)            | Service Request never sent   |
      | SRV 6.17 Issue Security Credentials (KA)            | Service Request never sent   |
      | SRV 6.15.2 Update Security Credentials (Device, DS) | Service Request never sent   |
      | SRV 6.15.2 Update Security Credentials (Device, KA) | Service Request never sent   |
    And under the proposed criteria the meter fails post-commissioning:
      | obligation                                          | cause                          |
      | SRV 6.17 Issue Security Credentials (DS)            | Device credentials not renewed |
      | SRV 6.17 Issue Security Credentials (KA)            | Device credentials not renewed |
      | SRV 6.15.2 Update Security Credentials (Device, DS) | Device credentials not renewed |
      | SRV 6.15.2 Update Security Credentials (Device, KA) | Device credentials not renewed |
    And the meter is a real failure
