// Baseline: the same host page with an empty slot. Its bytes are subtracted from the others'.
import { mountHost } from '../shared/host';

mountHost(null);
