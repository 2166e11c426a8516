@foundation @SMKI
Feature: The test SMKI issues certificates of the ZAZ1 profile
  All SMKI certificates are ECDSA P-256 with SHA-256. An Organisation Certificate is issued by
  "CN=Z1, OU=07", which is issued by the root "CN=ZA, OU=00"; its subject OU is the Remote Party
  Role in hex and its x500UniqueIdentifier is the party's Entity Identifier; its KeyUsage is
  critical and is either digitalSignature or keyAgreement. A Device Certificate carries the
  device's EUI-64 in subjectAltName hardwareModuleName.

  Background:
    Given the default estate

  Scenario Outline: every kind of party holds organisation certificates of the profile
    When the SMKI's <usage> certificate of "<party>" is checked against the organisation certificate profile
    Then the certificate is accepted
    And its subject OU is "<ou>" and its unique identifier is the EUI of "<party>"

    Examples:
      | party                              | usage | ou |
      | Aurora Energy                      | DS    | 02 |
      | Cirrus Energy                      | KA    | 02 |
      | UK Power Networks (London)         | DS    | 03 |
      | Wales & West Utilities             | KA    | 03 |
      | DCC Access Control Broker          | KA    | 04 |
      | DCC Recovery                       | DS    | 01 |
      | DCC Transitional CoS               | DS    | 05 |
      | DCC WAN Provider                   | DS    | 06 |

  Scenario: a device certificate names its device in hardwareModuleName
    When the SMKI issues a DS device certificate for device 00-DB-12-34-56-78-90-A0
    Then the certificate passes the device certificate profile check
    And its hardwareModuleName is 00-DB-12-34-56-78-90-A0

  Scenario Outline: a certificate outside the profile is refused with the reason
    When a certificate for "Aurora Energy" is made with <fault>
    Then the certificate is refused because of "<reason>"

    Examples:
      | fault                              | reason                    |
      | another issuer                     | wrong-issuer              |
      | no unique identifier               | missing-unique-identifier |
      | both key usages                    | wrong-key-usage           |
      | a non-critical key usage           | key-usage-not-critical    |
      | a P-384 key                        | not-p256                  |
      | a validity that ended in 2024      | expired                   |

  Scenario: the organisation certificates of DCC's RTDS keystore fit the profile
    The 2015 certificates expired in 2025, so the clock is pinned inside their validity.
    Given the harness clock is pinned at 2020-06-01T00:00:00Z
    Then every ZAZ1 organisation certificate of the RTDS keystore is accepted by the profile check

  Scenario: the certificates DCC's RTDS DUIS requests carry fit the profile
    Then every certificate embedded in the RTDS DUIS requests is accepted by its profile check
