/** The DeviceGateway contract, with the fleet in process. */
import { gatewayContract } from './gatewayContract.ts';
import { inProcessRig } from './testSupport.ts';

gatewayContract('in process', inProcessRig);
