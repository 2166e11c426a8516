@foundation @keystore
Feature: One key store for every credential of the estate
  Every simulator reaches keys through one lookup by Entity Identifier and key usage (DS, KA, or
  the XML-signing credential that DUIS signatures use). The same credentials can be exported in
  DCC Boxed's keystore.json format, so a User's DCC Boxed client can use them, and DCC Boxed's own
  keystore can be imported.

  Background:
    Given the default estate

  Scenario Outline: each party's credentials sign and verify
    When "<party>" signs a message with its <usage> key
    Then the signature verifies with the public key of its <usage> certificate

    Examples:
      | party                     | usage |
      | Borealis Power            | XML   |
      | Cadent Gas                | DS    |
      | DCC Access Control Broker | XML   |

  Scenario: the estate's keystore round-trips through DCC Boxed's format
    When the key store is exported as a DCC Boxed keystore.json and imported again
    Then the imported key store holds the same credentials

  Scenario: DCC Boxed's own keystore is imported
    When DCC Boxed's published keystore.json is imported
    Then the DS credential of 90-B3-D5-1F-30-01-00-00 is found with role 2
    And the XML credential of 90-B3-D5-1F-30-00-00-02 is found

  Scenario: asking for a credential the estate does not hold
    When the KA credential of 90-B3-D5-1F-99-99-99-99 is looked up
    Then it is refused with a message containing "90-B3-D5-1F-99-99-99-99"
