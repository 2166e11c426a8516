@SMETS2 @GBCS @CS02b @ESME @device
Feature: A SMETS2 meter replaces its network operator certificates only for their holder
  GBCS CS02b (Update Security Credentials): a trust anchor cell is replaced only by a command
  signed with the key of the certificate currently in the authorising cell. For SMETS2, "the only
  requirement is that the sender is the owner of the certificate" (MP107 draft proposal), so the
  network operator whose certificates a supplier placed by mistake can correct them.

  Background:
    Given the default estate
    And an ESME installed by "Cirrus Energy" whose network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"

  Scenario: the holder of the network operator certificates replaces them
    When "Northern Powergrid (Yorkshire)" replaces the network operator certificates on the ESME with those of "UK Power Networks (London)"
    Then the ESME accepts the command and raises alert 0x8F70
    And the ESME's network operator cells hold the certificates of "UK Power Networks (London)"

  Scenario: a network operator that does not hold the cells is refused, and nothing changes
    When "UK Power Networks (London)" replaces the network operator certificates on the ESME with those of "UK Power Networks (London)"
    Then the ESME refuses the command with alert 0x8F30
    And the ESME's network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"

  Scenario: a supplier cannot replace network operator cells it does not hold
    When "Cirrus Energy" replaces the network operator certificates on the ESME with those of "UK Power Networks (London)"
    Then the ESME refuses the command with alert 0x8F30
    And the ESME's network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"

  Scenario Outline: a device with a fault changes nothing
    Given the ESME has the fault "<fault>"
    When "Northern Powergrid (Yorkshire)" replaces the network operator certificates on the ESME with those of "UK Power Networks (London)"
    Then the ESME's network operator cells hold the certificates of "Northern Powergrid (Yorkshire)"

    Examples:
      | fault         |
      | resourcesBusy |
      | offline       |
