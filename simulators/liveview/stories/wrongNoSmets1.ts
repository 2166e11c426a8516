import { DuisClient, ResponseReceiver, updateSecurityCredentialsBody } from '../../client/index.ts';
import { Mpan } from '../../core/Mpan.ts';
import { homeDeviceId, type Harness, type PopulationData } from '../../harness/index.ts';
import { NETWORK_OPERATOR_SLOTS } from '../../s1sp/index.ts';
import type { Story, StoryOutcome } from '../Story.ts';

const HOME = 7;
const WRONG_NO = 'UK Power Networks (London)';
/** Distributor 13: SP Energy Networks (Merseyside & N Wales) is the MPAN's registered NO by default. */
const MPAN = Mpan.withCheckDigit(`13${String(HOME).padStart(10, '0')}`).value;

const POPULATION: PopulationData = {
  homes: [
    {
      name: `Cirrus Energy, Merseyside – SMETS1 at S1SP-B, NO slots hold ${WRONG_NO}’s (MP107)`,
      number: HOME,
      supplier: 'Cirrus Energy',
      smets: 'SMETS1',
      s1sp: 'S1SP-B',
      mpan: MPAN,
      networkOperatorCells: WRONG_NO,
    },
  ],
};

/**
 * MP107: a SMETS1 meter whose NO slots hold the wrong network operator's certificates. The wrong NO
 * (the slots' owner, so the only party the S1SP would take a replacement from) sends 6.15.1 placing
 * the registered NO's certificates: refused E4 by the Registration Data check under baseline,
 * accepted under mp107-r1, after which the slots hold the registered NO's certificates.
 */
export const wrongNoSmets1: Story = {
  name: 'wrong-no-smets1',
  title: 'MP107: the wrong NO corrects a SMETS1 meter’s NO slots',
  description:
    `A SMETS1 ESME at S1SP-B on MPAN ${MPAN} whose network operator slots hold ${WRONG_NO}’s certificates. ` +
    `${WRONG_NO} sends SRV 6.15.1 to put the registered NO’s certificates there.`,
  population: POPULATION,
  run: runWrongNoSmets1,
};

async function runWrongNoSmets1(h: Harness): Promise<StoryOutcome> {
  const esme = homeDeviceId(HOME, 'ESME');
  const mpan = Mpan.parse(MPAN);
  const wrongNo = h.estate.parties.byName(WRONG_NO);
  const registeredEui = h.registrations.networkOperatorAt(mpan, h.clock.now());
  if (registeredEui === undefined) throw new Error(`nobody is the registered NO of MPAN ${MPAN}`);
  const registered = h.estate.parties.byEui(registeredEui)?.name ?? registeredEui.toString();
  const receiver = await ResponseReceiver.start({ keyStore: h.estate.keyStore });
  try {
    for (const user of h.users()) h.setResponseUrl(user.eui, receiver.url);
    const client = new DuisClient({
      baseUrl: h.url!,
      user: wrongNo.eui,
      keyStore: h.estate.keyStore,
      dcc: h.estate.parties.dspSigner().eui,
      clock: h.clock,
    });
    const body = await updateSecurityCredentialsBody(h.estate.keyStore, h.estate.smki.organisationCa.der, 'NetworkOperator', registeredEui);
    const exchange = await client.critical({ target: esme, srv: '6.15.1', body });
    await h.drain();
    const slots = h.s1sps.route(esme).slots(esme);
    const owners = NETWORK_OPERATOR_SLOTS.map((s) => slots[s]?.owner);
    const holder = (eui: (typeof owners)[number]) => (eui === undefined ? 'nobody' : (h.estate.parties.byEui(eui)?.name ?? eui.toString()));
    const nowHeld = [...new Set(owners.map(holder))].join(' and ');
    const cv4 = exchange.cv4.responseCode ?? `HTTP ${exchange.cv4.status}`;
    if (cv4 !== 'I0' || exchange.cv5 === undefined) {
      const reason = exchange.cv4.reason ? ` (${exchange.cv4.reason.split(':')[0]})` : '';
      return { summary: `refused ${cv4}${reason}: the NO slots still hold ${nowHeld}’s certificates; the registered NO is ${registered}` };
    }
    const final = h.journal
      .entries({ where: (e) => e.via === 'DUIS' && e.kind === 'response' && e.requestId === exchange.requestId.toString() })
      .at(-1)?.responseCode;
    const codes = [cv4, exchange.cv5.responseCode, final].filter((c) => c !== undefined).join(', ');
    return { summary: `accepted (${codes}): the NO slots now hold ${nowHeld}’s certificates; the registered NO is ${registered}` };
  } finally {
    await receiver.close();
  }
}
