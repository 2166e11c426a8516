@foundation
Feature: Meter points and the network operator that serves them
  The first two digits of an MPAN core are the distributor ID; its last digit is a check digit.
  DCC's own RTDS templates use MPAN 1312345678333, which fails the check, so the check can be
  switched off.

  Background:
    Given the default estate

  Scenario Outline: the network operator for an MPAN is the distributor its first two digits name
    Then the default network operator for MPAN <mpan> is "<operator>"

    Examples:
      | mpan          | operator                           |
      | 1200000000011 | UK Power Networks (London)         |
      | 2300000000019 | Northern Powergrid (Yorkshire)     |

  Scenario: an MPAN with a wrong check digit is refused, naming the digit expected
    When the MPAN "1312345678333" is read with check-digit validation on
    Then it is refused with a message containing "check digit"

  Scenario: DCC's RTDS MPAN is accepted when check-digit validation is off
    When the MPAN "1312345678333" is read with check-digit validation off
    Then its distributor ID is 13
