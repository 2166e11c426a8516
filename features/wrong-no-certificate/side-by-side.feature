@SMETS1 @SMETS2 @SRV-6.15.1 @SRV-6.21 @side-by-side @e2e
Feature: One story under two rule sets, side by side
  Working Groups compare the options: the same requests, the same estate, different rules.

  Scenario Outline: the wrong NO corrects a SMETS1 meter under <rules>
    Given the estate runs under the "<rules>" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"
    When "UK Power Networks (London)" sends SRV 6.15.1 placing the certificates of "SP Energy Networks (Merseyside & N Wales)" in the network operator slots
    Then the DSP answers <code>
    And the meter's network operator slots hold the certificates of "<holder>"

    Examples:
      | rules              | code | holder                                   |
      | baseline           | E4   | UK Power Networks (London)               |
      | mp107-r1           | I0   | SP Energy Networks (Merseyside & N Wales) |
      | mp107-r1+secmp0063 | I0   | SP Energy Networks (Merseyside & N Wales) |

  Scenario Outline: a supplier places the wrong NO on a SMETS2 meter with SRV 6.21 under <rules>
    Given the estate runs under the "<rules>" rules
    And a SMETS2 electricity meter supplied by "Aurora Energy" at MPAN 1000000000012, its network operator cells holding the DCC's certificates
    When "Aurora Energy" sends SRV 6.21 placing the certificates of "UK Power Networks (London)" in the network operator cells
    Then the DSP answers <code>

    Examples:
      | rules     | code  |
      | baseline  | I99   |
      | secmp0063 | E9063 |

  @SECMP0063
  Scenario Outline: a supplier places the wrong NO on a SMETS2 meter with SRV 6.15.1 under <rules>
    Given the estate runs under the "<rules>" rules
    And a SMETS2 electricity meter supplied by "Cirrus Energy" at MPAN 1500000000015, its network operator cells holding the supplier's certificates
    When "Cirrus Energy" sends SRV 6.15.1 placing the certificates of "Northern Powergrid (Yorkshire)" in the network operator cells
    Then the DSP answers <code>
    And the meter's network operator cells hold the certificates of "<holder>"

    Examples:
      | rules     | code  | holder                         |
      | baseline  | I0    | Northern Powergrid (Yorkshire) |
      | secmp0063 | E9063 | Cirrus Energy                  |

  @GPF @SECMP0063
  Scenario Outline: a gas supplier places an electricity NO's certificates on a gas proxy function under <rules>
    Given the estate runs under the "<rules>" rules
    And a SMETS2 gas meter supplied by "Dunlin Gas" at MPRN 7400000001 transported by "Wales & West Utilities", its gas proxy function's network operator cells holding the supplier's certificates
    When "Dunlin Gas" sends SRV 6.15.1 placing the certificates of "UK Power Networks (London)" on the gas proxy function
    Then the DSP answers <code>
    And the gas proxy function's network operator cells hold the certificates of "<holder>"

    Examples:
      | rules     | code  | holder                     |
      | baseline  | I0    | UK Power Networks (London) |
      | secmp0063 | E9063 | Dunlin Gas                 |

  @MP107 @SECMP0063
  Scenario Outline: the wrong NO hands a SMETS1 meter's slots to yet another wrong NO under <rules>
    Given the estate runs under the "<rules>" rules
    And a SMETS1 electricity meter at "S1SP-B" supplied by "Cirrus Energy" at MPAN 1300000000007, its network operator slots holding the certificates of "UK Power Networks (London)"
    When "UK Power Networks (London)" sends SRV 6.15.1 placing the certificates of "SP Energy Networks (South Scotland)" in the network operator slots
    Then the DSP answers <code>
    And the meter's network operator slots hold the certificates of "<holder>"

    Examples:
      | rules              | code  | holder                              |
      | baseline           | E4    | UK Power Networks (London)          |
      | mp107-r1           | I0    | SP Energy Networks (South Scotland) |
      | mp107-r1+secmp0063 | E9063 | UK Power Networks (London)          |
