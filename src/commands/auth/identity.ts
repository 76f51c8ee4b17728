/**
 * The user every kubesim command acts as. kubesim has no authentication or
 * RBAC, so it plays the user of a kubeadm cluster's admin.conf, which is
 * bound to the cluster-admin ClusterRole: every request is allowed.
 */
import { createHash } from 'node:crypto';

/** The attributes the API server authenticated for the requesting user (authentication.k8s.io UserInfo). */
export interface UserInfo {
  username: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The x509 authenticator's extra key naming the client certificate's fingerprint. */
export const CREDENTIAL_ID = 'authentication.kubernetes.io/credential-id';

/**
 * Returns the admin user as a cluster of `version` (1.32 is 132) reports it.
 * kubeadm's admin.conf user is in `kubeadm:cluster-admins` from 1.29 and in
 * `system:masters` before. From 1.32 the x509 authenticator also reports the
 * certificate's SHA-256 fingerprint as a credential ID; kubesim derives a
 * stable one from the cluster's name and seed, as it has no certificate.
 */
export function adminUser(version: number, clusterName: string, seed: number): UserInfo {
  const user: UserInfo = {
    username: 'kubernetes-admin',
    groups: [version >= 129 ? 'kubeadm:cluster-admins' : 'system:masters', 'system:authenticated'],
  };
  if (version >= 132) {
    const fingerprint = createHash('sha256').update(`kubesim admin certificate ${clusterName} ${seed}`).digest('hex');
    user.extra = { [CREDENTIAL_ID]: [`X509SHA256=${fingerprint}`] };
  }
  return user;
}
