/**
 * Attributes whose change forces resource replacement ("forces replacement" in a plan).
 *
 * - hashicorp/aws v6.25.0: SDKv2 `ForceNew: true`, plus `d.ForceNew(...)` called from CustomizeDiff.
 * - cloudflare/cloudflare v5.14.0: framework `RequiresReplace` / `RequiresReplaceIf*` plan modifiers.
 *
 * Paths: top-level names; nested block attributes are dotted (`block.attr`). A nested path only
 * forces replacement when that nested value changes. Adding or removing a whole block forces
 * replacement only if the block itself is listed.
 *
 * `attributes` holds every attribute that can force replacement, conditional ones included.
 * CONDITIONAL_FORCE_NEW (below) describes the conditional cases.
 *
 * ---------------------------------------------------------------------------------------------
 * WHERE THE SOURCES CAME FROM (read this before you rely on the lists)
 *
 * Cloudflare: read directly at tag v5.14.0 (commit 262c3ddc486915fcb291224e5453dc32d3e25602,
 * 2025-12-05) from the local mirror. These lists are exact.
 *
 * AWS: the repository (~930 MB) could not be fetched, and the stored-file index has no copy tied
 * to tag v6.25.0 (released 2025-12-04). The lists below come from file versions that the index
 * holds. Each `source` names the file version used.
 *  - For subnet, NAT gateway, SSM parameter and log group, the version used dates from a release
 *    window that contains v6.25.0. The window was worked out from the CHANGELOG.
 *  - For the other resources, the version used is older or newer than v6.25.0. The CHANGELOG for
 *    6.0.0–6.31.0 was read, and none of its entries changes replacement behaviour for those
 *    resources. The exceptions are recorded in the per-type comments:
 *      6.4.0:  deployment_controller.type stopped forcing replacement.
 *      6.15.0: a capacity_provider_strategy change no longer forces replacement.
 *      6.29.0: subnet ipv6_cidr_block became conditionally ForceNew (after 6.25.0, so not in the
 *              list).
 *  - Some file versions were found by text search, which does not say which repository a file
 *    came from. Forks of the provider are indexed too. Every version used here matches upstream
 *    in its code and annotations, but for those files, membership in upstream is inferred rather
 *    than confirmed. One file version was a modified fork (a task definition with a structured
 *    `container_definition` block) and was NOT used.
 *
 * `region` (every AWS type here except the global aws_iam_role): in v6, a CustomizeDiff
 * interceptor (internal/provider/sdkv2, forceNewIfRegionChanges) calls d.ForceNew("region")
 * when the per-resource `region` changes. It does not force replacement when the change is
 * between unset and the provider's own region.
 * ---------------------------------------------------------------------------------------------
 */

const AWS = 'hashicorp/terraform-provider-aws';
const CF = 'cloudflare/terraform-provider-cloudflare v5.14.0 (tag commit 262c3ddc)';

export const FORCE_NEW_ATTRIBUTES: Record<string, { attributes: string[]; source: string }> = {
  // ================================ AWS (target: v6.25.0) ================================

  // Only `name` is ForceNew. configuration, service_connect_defaults and setting update in place.
  aws_ecs_cluster: {
    attributes: ['name', 'region'],
    source: `${AWS} v6.x-equivalent internal/service/ecs/cluster.go (stored 2024 versions; no 6.0–6.31 CHANGELOG change to ForceNew)`,
  },

  // Changes to cluster, iam_role, launch_type, name or scheduling_strategy force replacement.
  //
  // NOT ForceNew at v6.25.0:
  //  - capacity_provider_strategy. Since 6.15.0 (#43533) it updates in place. On an existing
  //    service, changing it while force_new_deployment != true is a plan-time ERROR ("force_new_deployment
  //    should be true when capacity_provider_strategy is being updated"), not a replacement. Before 6.15,
  //    CustomizeDiff called d.ForceNew on capacity_provider_strategy.* unless force_new_deployment was true.
  //  - deployment_controller.type. It updates in place since 6.4.0 (#43434).
  //  - force_new_deployment. A plain Optional bool. Every in-place UpdateService call sends
  //    ForceNewDeployment=<its value>, so when true, any update also redeploys the tasks. It never
  //    replaces the service.
  //  - triggers. A map that only drives in-place redeploys. triggersCustomizeDiff clears its diff unless
  //    force_new_deployment = true. A triggers change with force_new_deployment = true gives an in-place
  //    update with a forced new deployment. It never replaces the service.
  //  - task_definition, network_configuration.*, load_balancer.*, desired_count and the rest update in place.
  aws_ecs_service: {
    attributes: ['cluster', 'iam_role', 'launch_type', 'name', 'scheduling_strategy', 'region'],
    source: `${AWS} internal/service/ecs/service.go (newest stored version, >= v6.33; checked against the CHANGELOG 6.4.0/6.15.0 entries, same ForceNew set at v6.25.0)`,
  },

  // Always replaced. Every configurable argument is ForceNew except tags, skip_destroy and
  // track_latest. Replacement registers a NEW REVISION of the family. The old revision is
  // deregistered unless skip_destroy = true. There is no in-place update path apart from
  // tags/skip_destroy/track_latest. inference_accelerator was removed in v6.0.0.
  aws_ecs_task_definition: {
    attributes: [
      'container_definitions',
      'cpu',
      'enable_fault_injection',
      'ephemeral_storage',
      'ephemeral_storage.size_in_gib',
      'execution_role_arn',
      'family',
      'ipc_mode',
      'memory',
      'network_mode',
      'pid_mode',
      'placement_constraints',
      'placement_constraints.expression',
      'placement_constraints.type',
      'proxy_configuration',
      'proxy_configuration.container_name',
      'proxy_configuration.properties',
      'proxy_configuration.type',
      'requires_compatibilities',
      'runtime_platform',
      'runtime_platform.cpu_architecture',
      'runtime_platform.operating_system_family',
      'task_role_arn',
      'volume',
      'volume.name',
      'volume.host_path',
      'volume.configure_at_launch',
      'volume.docker_volume_configuration',
      'volume.docker_volume_configuration.autoprovision',
      'volume.docker_volume_configuration.driver',
      'volume.docker_volume_configuration.driver_opts',
      'volume.docker_volume_configuration.labels',
      'volume.docker_volume_configuration.scope',
      'volume.efs_volume_configuration',
      'volume.efs_volume_configuration.authorization_config',
      'volume.efs_volume_configuration.authorization_config.access_point_id',
      'volume.efs_volume_configuration.authorization_config.iam',
      'volume.efs_volume_configuration.file_system_id',
      'volume.efs_volume_configuration.root_directory',
      'volume.efs_volume_configuration.transit_encryption',
      'volume.efs_volume_configuration.transit_encryption_port',
      'volume.fsx_windows_file_server_volume_configuration',
      'volume.fsx_windows_file_server_volume_configuration.authorization_config',
      'volume.fsx_windows_file_server_volume_configuration.authorization_config.credentials_parameter',
      'volume.fsx_windows_file_server_volume_configuration.authorization_config.domain',
      'volume.fsx_windows_file_server_volume_configuration.file_system_id',
      'volume.fsx_windows_file_server_volume_configuration.root_directory',
      'region',
    ],
    source: `${AWS} internal/service/ecs/task_definition.go (stored late-v5 upstream version minus inference_accelerator, removed in v6.0.0)`,
  },

  // cidr_block, ipv4_ipam_pool_id and ipv4_netmask_length are schema ForceNew.
  // CONDITIONAL, from resourceVPCCustomizeDiff:
  //  - instance_tenancy. Any change forces replacement, EXCEPT dedicated -> default, which updates in place.
  //  - cidr_block. The diff is cleared (no replacement) when ipv4_netmask_length is set, because the CIDR
  //    comes from IPAM. Otherwise a change forces replacement.
  // The ipv6_* arguments, assign_generated_ipv6_cidr_block and enable_dns_* update in place.
  aws_vpc: {
    attributes: ['cidr_block', 'ipv4_ipam_pool_id', 'ipv4_netmask_length', 'instance_tenancy', 'region'],
    source: `${AWS} internal/service/ec2/vpc_.go (stored 2024 version; no 6.0–6.31 CHANGELOG change to ForceNew)`,
  },

  // All plain schema ForceNew. At v6.25 aws_subnet has NO ForceNew CustomizeDiff. availability_zone
  // and availability_zone_id are Optional+Computed+ForceNew. Setting one of them to the value
  // already in state gives no diff. ipv6_cidr_block updates in place at v6.25.
  // Note: 6.29.0 (#46043) added a conditional ForceNew on ipv6_cidr_block (when the subnet has
  // assign_ipv6_address_on_creation = true). 6.29.0 also added ipv4_/ipv6_ipam_pool_id and
  // *_netmask_length. None of this is in v6.25.0.
  aws_subnet: {
    attributes: ['availability_zone', 'availability_zone_id', 'cidr_block', 'ipv6_native', 'outpost_arn', 'vpc_id', 'region'],
    source: `${AWS} internal/service/ec2/vpc_subnet.go (stored version from the v6.17–v6.28 window, i.e. same as v6.25.0)`,
  },

  // Regional NAT gateway support (availability_mode, vpc_id, availability_zone_address) arrived in 6.24.0.
  // CONDITIONAL, from resourceNATGatewayCustomizeDiff:
  //  - secondary_private_ip_address_count. ForceNew only when connectivity_type = "private" and the value
  //    is explicitly configured and changed.
  //  - availability_zone_address. It updates in place (regional mode). Switching between auto mode (block
  //    absent) and manual mode is a plan ERROR at v6.25, not a replacement. Later versions add an internal
  //    computed attribute, regional_nat_gateway_auto_mode, to trigger recreation instead.
  // secondary_allocation_ids and secondary_private_ip_addresses update in place.
  aws_nat_gateway: {
    attributes: [
      'allocation_id',
      'availability_mode',
      'connectivity_type',
      'private_ip',
      'subnet_id',
      'vpc_id',
      'secondary_private_ip_address_count',
      'region',
    ],
    source: `${AWS} internal/service/ec2/vpc_nat_gateway.go (stored version from the v6.24–v6.27 window, i.e. same as v6.25.0)`,
  },

  // instance, network_interface, associate_with_private_ip and customer_owned_ipv4_pool update in
  // place (association changes). vpc was removed in v6.0.0.
  aws_eip: {
    attributes: ['address', 'domain', 'ipam_pool_id', 'network_border_group', 'public_ipv4_pool', 'region'],
    source: `${AWS} internal/service/ec2/ec2_eip.go @ 01606926a0c0ab9174aec440f976a48b0baee722 (v6.x)`,
  },

  // No ForceNew schema attributes. A vpc_id change detaches and attaches in place.
  aws_internet_gateway: {
    attributes: ['region'],
    source: `${AWS} internal/service/ec2/vpc_internet_gateway.go @ 08923b68b5ad6fcfdd38362fb5247e39a9b07add (older version; no 6.x CHANGELOG change)`,
  },

  // route and propagating_vgws update in place.
  aws_route_table: {
    attributes: ['vpc_id', 'region'],
    source: `${AWS} internal/service/ec2/vpc_route_table.go @ 022092419b7cda11527df3c6b51cbfe1876c1722 (older version; no 6.x CHANGELOG change)`,
  },

  // name and data_type are schema ForceNew.
  // CONDITIONAL: tier forces replacement only for Advanced -> Standard (customdiff.ForceNewIfChange).
  // type, value, value_wo(_version), insecure_value, description, key_id, allowed_pattern and
  // overwrite update in place.
  aws_ssm_parameter: {
    attributes: ['name', 'data_type', 'tier', 'region'],
    source: `${AWS} internal/service/ssm/parameter.go @ 0073593e7d6993ba482409f4dc35438daaa79bb3 (v6.8–v6.25 window)`,
  },

  // policy, description, is_enabled, enable_key_rotation, rotation_period_in_days,
  // deletion_window_in_days and bypass_policy_lockout_safety_check update in place.
  aws_kms_key: {
    attributes: ['custom_key_store_id', 'customer_master_key_spec', 'key_usage', 'multi_region', 'xks_key_id', 'region'],
    source: `${AWS} internal/service/kms/key.go @ 00a35305dc1b297a6fcdecdfbba33f1e63c3da39 (2026 version; no 6.x CHANGELOG change to ForceNew)`,
  },

  // image_tag_mutability, image_tag_mutability_exclusion_filter, image_scanning_configuration and
  // force_delete update in place. Adding or removing the encryption_configuration block forces
  // replacement too.
  aws_ecr_repository: {
    attributes: [
      'name',
      'encryption_configuration',
      'encryption_configuration.encryption_type',
      'encryption_configuration.kms_key',
      'region',
    ],
    source: `${AWS} internal/service/ecr/repository.go (stored v6.10+ version)`,
  },

  // retention_in_days, kms_key_id, skip_destroy and deletion_protection_enabled update in place.
  // deletion_protection_enabled was added in v6.25.0 and uses PutLogGroupDeletionProtection.
  aws_cloudwatch_log_group: {
    attributes: ['name', 'name_prefix', 'log_group_class', 'region'],
    source: `${AWS} internal/service/logs/group.go (stored v6.14–v6.24 version plus a v6.25+ version with deletion_protection_enabled)`,
  },

  // Global resource, so there is no region attribute. assume_role_policy, description,
  // max_session_duration, permissions_boundary, inline_policy, managed_policy_arns and
  // force_detach_policies update in place.
  aws_iam_role: {
    attributes: ['name', 'name_prefix', 'path'],
    source: `${AWS} internal/service/iam/role.go (2026 version; no 6.x CHANGELOG change to ForceNew)`,
  },

  // ingress, egress and revoke_rules_on_delete update in place. Changing description forces replacement.
  aws_security_group: {
    attributes: ['description', 'name', 'name_prefix', 'vpc_id', 'region'],
    source: `${AWS} internal/service/ec2/vpc_security_group.go (stored 2024 version; no 6.x CHANGELOG change to ForceNew)`,
  },

  // capacity_providers and default_capacity_provider_strategy update in place (PutClusterCapacityProviders).
  aws_ecs_cluster_capacity_providers: {
    attributes: ['cluster_name', 'region'],
    source: `${AWS} internal/service/ecs/cluster_capacity_providers.go @ 0619e62a2f25aefdfc36b5c74a98d9f6dcc6d794 (older version; no 6.x CHANGELOG change)`,
  },

  // ============================ Cloudflare (exact: v5.14.0) ============================

  // account_id: RequiresReplace.
  // config_src: RequiresReplaceIfConfigured. It replaces only when config_src is set in the configuration
  // and the value changes. It is Optional+Computed with Default "local".
  // name and tunnel_secret update in place. The resource ModifyPlan is empty.
  cloudflare_zero_trust_tunnel_cloudflared: {
    attributes: ['account_id', 'config_src'],
    source: `${CF} internal/services/zero_trust_tunnel_cloudflared/schema.go`,
  },

  // account_id and tunnel_id: RequiresReplace. The computed `id` also has RequiresReplace, but it is
  // not configurable. config (ingress, origin_request, warp_routing) updates in place.
  // ModifyPlan only adds warnings.
  cloudflare_zero_trust_tunnel_cloudflared_config: {
    attributes: ['account_id', 'tunnel_id'],
    source: `${CF} internal/services/zero_trust_tunnel_cloudflared_config/schema.go`,
  },

  // account_id and zone_id (mutually exclusive): RequiresReplace. type, domain, destinations,
  // policies and the rest update in place. The ModifyPlan in plan_modifiers.go only normalises
  // computed values. It does not request replacement.
  cloudflare_zero_trust_access_application: {
    attributes: ['account_id', 'zone_id'],
    source: `${CF} internal/services/zero_trust_access_application/schema.go`,
  },

  // account_id: RequiresReplace. ModifyPlan only nulls include/require/exclude when they are unconfigured.
  cloudflare_zero_trust_access_policy: {
    attributes: ['account_id'],
    source: `${CF} internal/services/zero_trust_access_policy/schema.go`,
  },

  // zone_id and type: RequiresReplace. name, content, data, ttl, proxied, priority, comment, tags and
  // settings update in place. ModifyPlan only suppresses drift (FQDN vs short name, CNAME case, etc.).
  cloudflare_dns_record: {
    attributes: ['zone_id', 'type'],
    source: `${CF} internal/services/dns_record/schema.go`,
  },
};

/**
 * Conditional cases, one entry per listed attribute. Each message says when the attribute
 * forces replacement, or why a change does not.
 */
export const CONDITIONAL_FORCE_NEW: Record<string, Record<string, string>> = {
  '*aws_regional*': {
    region: 'ForceNew when the per-resource region changes. Unset <-> the provider region does not force replacement. Applies to every listed AWS type except aws_iam_role.',
  },
  'aws_ecs_service': {
    'capacity_provider_strategy':
      'Not ForceNew at v6.25.0 (since 6.15.0). A change on an existing service needs force_new_deployment = true, otherwise the plan fails.',
    'triggers': 'Never ForceNew. The diff is cleared unless force_new_deployment = true, in which case there is an in-place update with a new deployment.',
    'force_new_deployment': 'Never ForceNew. When true, every in-place update also forces a new ECS deployment.',
    'deployment_controller.type': 'Not ForceNew since 6.4.0 (updated in place).',
  },
  'aws_vpc': {
    instance_tenancy: 'ForceNew on every change except dedicated -> default.',
    cidr_block: 'ForceNew, except that the diff is cleared when ipv4_netmask_length is set (IPAM-derived CIDR).',
  },
  'aws_nat_gateway': {
    secondary_private_ip_address_count: 'ForceNew only when connectivity_type = private and the value is explicitly configured and changed.',
    availability_zone_address: 'Not ForceNew. Switching between regional auto and manual mode is a plan error at v6.25.0.',
  },
  'aws_ssm_parameter': {
    tier: 'ForceNew only for a change from Advanced to Standard.',
  },
  'aws_subnet': {
    ipv6_cidr_block: 'Updated in place at v6.25.0. Conditional ForceNew was added only in 6.29.0.',
  },
  'cloudflare_zero_trust_tunnel_cloudflared': {
    config_src: 'RequiresReplaceIfConfigured: replaces only when config_src is set in the configuration and differs from state.',
  },
};
