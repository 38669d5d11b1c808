// The platform's release version, reported by every service in /health and ServiceInfo.
import rootPackage from '../../package.json';

export const VERSION: string = rootPackage.version;
