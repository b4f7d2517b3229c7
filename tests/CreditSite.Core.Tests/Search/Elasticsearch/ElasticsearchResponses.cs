namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Response bodies in the shape Elasticsearch 9 sends them (taken from the reference documentation and the
/// API specification's examples), with this site's index and fields.</summary>
internal static partial class ElasticsearchResponses
{
    public const string OldIndex = "creditsite-documents-v20250101000000000";

    /// <summary><c>GET /_nodes/plugins?filter_path=nodes.*.name,nodes.*.plugins.name</c> on a two-node cluster.</summary>
    public const string NodesWithSmartcn = """
        {"nodes":{"U7321H6mQ1uP0dQ8hb3f1A":{"name":"es01","plugins":[{"name":"analysis-icu"},{"name":"analysis-smartcn"}]},
                  "k9Pq2v3RQ9G6mB4a8d2Lxw":{"name":"es02","plugins":[{"name":"analysis-smartcn"}]}}}
        """;

    /// <summary>The same cluster where one node lacks the plugin: an index using smartcn could not be allocated there.</summary>
    public const string NodesPartlyWithSmartcn = """
        {"nodes":{"U7321H6mQ1uP0dQ8hb3f1A":{"name":"es01","plugins":[{"name":"analysis-smartcn"}]},
                  "k9Pq2v3RQ9G6mB4a8d2Lxw":{"name":"es02","plugins":[]}}}
        """;

    public const string NodesWithoutPlugins = """
        {"nodes":{"U7321H6mQ1uP0dQ8hb3f1A":{"name":"es01","plugins":[]}}}
        """;

    public const string IndexCreated = """
        {"acknowledged":true,"shards_acknowledged":true,"index":"creditsite-documents-v20260301080000000"}
        """;

    public const string Acknowledged = """{"acknowledged":true}""";

    public const string Refreshed = """{"_shards":{"total":2,"successful":1,"failed":0}}""";

    /// <summary><c>GET /_alias/creditsite-documents</c> while the alias points at the previous index.</summary>
    public const string AliasOnOldIndex = """
        {"creditsite-documents-v20250101000000000":{"aliases":{"creditsite-documents":{}}}}
        """;

    /// <summary><c>GET /_alias/creditsite-documents</c> before any index exists.</summary>
    public const string AliasMissing = """{"error":"alias [creditsite-documents] missing","status":404}""";

    public const string IndexNotFound = """
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [creditsite-documents]","resource.type":"index_or_alias","resource.id":"creditsite-documents","index_uuid":"_na_","index":"creditsite-documents"}],
                  "type":"index_not_found_exception","reason":"no such index [creditsite-documents]","resource.type":"index_or_alias","resource.id":"creditsite-documents","index_uuid":"_na_","index":"creditsite-documents"},
         "status":404}
        """;

    public const string TooManyRequests = """
        {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=1048576, max_coordinating_and_primary_bytes=53687091]"}],
                  "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=1048576, max_coordinating_and_primary_bytes=53687091]"},
         "status":429}
        """;

    public const string AllShardsFailed = """
        {"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true,"failed_shards":[]},"status":503}
        """;

    public const string MappingRefused = """
        {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Custom Analyzer [creditsite_words] failed to find tokenizer under name [smartcn_tokenizer]"}],
                  "type":"illegal_argument_exception","reason":"Custom Analyzer [creditsite_words] failed to find tokenizer under name [smartcn_tokenizer]"},"status":400}
        """;

    public const string BulkOk = """
        {"took":30,"errors":false,"items":[{"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-1","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"status":201,"_seq_no":0,"_primary_term":1}}]}
        """;

    /// <summary>Three index operations: the first stored, the second refused by the strict mapping, the third
    /// refused because the write queue was full.</summary>
    public const string BulkPartlyRefused = """
        {"took":486,"errors":true,"items":[
          {"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-1","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"status":201,"_seq_no":0,"_primary_term":1}},
          {"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-2","status":400,"error":{"type":"document_parsing_exception","reason":"[1:97] failed to parse field [public_until] of type [date] in document with id 'entry:JS-2'. Preview of field's value: '2026-02-30'","caused_by":{"type":"illegal_argument_exception","reason":"failed to parse date field [2026-02-30] with format [strict_date]"}}}},
          {"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-3","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation [shard_detail=[creditsite-documents-v20260301080000000][0][P], shard_index_pressure=[...]]"}}}
        ]}
        """;

    /// <summary>The third operation alone, sent again after the 429, now stored.</summary>
    public const string BulkRetryStored = """
        {"took":12,"errors":false,"items":[{"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-3","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"status":201,"_seq_no":1,"_primary_term":1}}]}
        """;

    public const string BulkAllBusy = """
        {"took":3,"errors":true,"items":[{"index":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-3","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation"}}}]}
        """;

    public const string BulkDeleteNotFound = """
        {"took":2,"errors":false,"items":[{"delete":{"_index":"creditsite-documents-v20260301080000000","_id":"entry:gone","_version":1,"result":"not_found","_shards":{"total":1,"successful":1,"failed":0},"status":404,"_seq_no":5,"_primary_term":1}}]}
        """;

    /// <summary>A full-text search for 诚信食品 with highlights and the five facet aggregations (typed_keys names).</summary>
    public const string SearchWithHighlightsAndFacets = """
        {"took":5,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":2,"relation":"eq"},"max_score":7.2,
          "hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-1","_score":7.2,
            "_source":{"id":"entry:JS-1","type":"list_entry","title":"常州市天宁区诚信食品有限公司","body":"未按规定落实食品安全自查制度 <b>整改</b> & 复查","url":"/subjects/91320402MA1XXXXX0L","date":"2025-06-01",
                       "entry_id":"JS-1","list_kind":"black","subject_type":"legal_person","subject_name":"常州市天宁区诚信食品有限公司","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                       "field":"食品药品","issuing_department":"市市场监督管理局","decision_number":"常市监罚〔2025〕12号","public_until":"2026-06-01","severity":"general","status":"under_objection","legal_basis":"《食品安全法》第一百二十六条"},
            "highlight":{"title.bigram":["常州市天宁区<mark>诚信</mark><mark>食品</mark>有限公司"],
                         "body.bigram":["未按规定落实<mark>食品</mark>安全自查制度 &lt;b&gt;整改&lt;&#x2F;b&gt; &amp; 复查"]}},
           {"_index":"creditsite-documents-v20260301080000000","_id":"policy:food-safety","_score":3.1,
            "_source":{"id":"policy:food-safety","type":"policy","title":"关于加强食品安全诚信建设的通知","body":"全市食品生产经营者应当……","url":"/policies/food-safety","date":"2024-09-01"},
            "highlight":{"title.bigram":["关于加强<mark>食品</mark>安全<mark>诚信</mark>建设的通知"]}}
          ]},
         "aggregations":{
          "sterms#type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"list_entry","doc_count":1},{"key":"policy","doc_count":1}]},
          "sterms#list_kind":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"black","doc_count":1}]},
          "sterms#field":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"食品药品","doc_count":1}]},
          "sterms#department":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"市市场监督管理局","doc_count":1}]},
          "sterms#subject_type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"legal_person","doc_count":1}]}}}
        """;

    /// <summary>A search by USCC: no highlight section (the engine asks for none), sorted by date so no score.</summary>
    public const string SearchByIdentifier = """
        {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":1,"relation":"eq"},"max_score":null,
          "hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-1","_score":null,
            "_source":{"id":"entry:JS-1","type":"list_entry","title":"常州市<天宁>区诚信食品有限公司","body":"未按规定落实食品安全自查制度 <b>整改</b> & 复查","url":"/subjects/91320402MA1XXXXX0L","date":"2025-06-01",
                       "entry_id":"JS-1","list_kind":"black","subject_type":"legal_person","subject_name":"常州市<天宁>区诚信食品有限公司","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                       "field":"食品药品","issuing_department":"市市场监督管理局","decision_number":"常市监罚〔2025〕12号","public_until":"2026-06-01","severity":"general","status":"active"},
            "sort":[1748736000000,"entry:JS-1"]}
          ]}}
        """;

    /// <summary>One hit whose 604-character body holds the match in the middle, highlighted whole.</summary>
    public static readonly string SearchWithLongBody = """
        {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":1,"relation":"eq"},"max_score":2.5,
          "hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"entry:JS-9","_score":2.5,
            "_source":{"id":"entry:JS-9","type":"list_entry","title":"常州某某有限公司","body":"BEFORE诚信食品AFTER","url":"/subjects/91320402MA1XXXXX0L","date":"2025-06-01"},
            "highlight":{"body.bigram":["BEFORE<mark>诚信食品</mark>AFTER"]}}
          ]}}
        """.Replace("BEFORE", new string('甲', 300), StringComparison.Ordinal).Replace("AFTER", new string('乙', 300), StringComparison.Ordinal);

    /// <summary>A search over public records and registry records, as an index of mapping version 2 answers it: a
    /// penalty with several 处罚类别 under objection, a revoked licence, a registry record with its 曾用名, and the seven
    /// facet aggregations.</summary>
    public const string SearchRecordsWithFacets = """
        {"took":4,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"total":{"value":3,"relation":"eq"},"max_score":null,
          "hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"penalty:CZ-CF-2026-0001","_score":null,
            "_source":{"id":"penalty:CZ-CF-2026-0001","type":"penalty","title":"常州恒达建材有限公司（行政处罚）","body":"销售超过保质期的食品。\n警告、罚款","url":"/records/penalty/CZ-CF-2026-0001","date":"2026-02-10",
                       "entry_id":"CZ-CF-2026-0001","subject_type":"legal_person","subject_name":"常州恒达建材有限公司","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                       "field":"食品药品","issuing_department":"市市场监督管理局","decision_number":"常市监罚〔2026〕31号","public_until":"2027-02-10","severity":"general",
                       "legal_basis":"《中华人民共和国食品安全法》第一百二十四条","summary":"警告，罚款人民币2万元。","record_status":"under_objection","penalty_types":["警告","罚款"]},
            "sort":[1770681600000,"penalty:CZ-CF-2026-0001"]},
           {"_index":"creditsite-documents-v20260301080000000","_id":"licence:CZ-XK-2025-0420","_score":null,
            "_source":{"id":"licence:CZ-XK-2025-0420","type":"licence","title":"常州恒达建材有限公司（行政许可）","body":"食品经营许可","url":"/records/licence/CZ-XK-2025-0420","date":"2025-04-20",
                       "entry_id":"CZ-XK-2025-0420","subject_type":"legal_person","subject_name":"常州恒达建材有限公司","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                       "issuing_department":"市行政审批局","decision_number":"常审批许〔2025〕420号","public_until":"2030-04-19","category":"特许","record_status":"revoked"},
            "sort":[1745107200000,"licence:CZ-XK-2025-0420"]},
           {"_index":"creditsite-documents-v20260301080000000","_id":"subject:91320402MA1XXXXX0L","_score":null,
            "_source":{"id":"subject:91320402MA1XXXXX0L","type":"subject","title":"常州恒达建材有限公司","body":"常州市恒达水泥制品厂；常州恒达建筑材料厂","url":"/subjects/91320402MA1XXXXX0L","date":"2012-03-08",
                       "subject_type":"legal_person","subject_name":"常州恒达建材有限公司","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L","summary":"登记状态：存续",
                       "former_names":["常州市恒达水泥制品厂","常州恒达建筑材料厂"]},
            "sort":[1331164800000,"subject:91320402MA1XXXXX0L"]}
          ]},
         "aggregations":{
          "sterms#type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"licence","doc_count":1},{"key":"penalty","doc_count":1},{"key":"subject","doc_count":1}]},
          "sterms#list_kind":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]},
          "sterms#field":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"食品药品","doc_count":1}]},
          "sterms#department":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"市市场监督管理局","doc_count":1},{"key":"市行政审批局","doc_count":1}]},
          "sterms#subject_type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"legal_person","doc_count":3}]},
          "sterms#category":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"特许","doc_count":1}]},
          "sterms#penalty_type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"罚款","doc_count":1},{"key":"警告","doc_count":1}]}}}
        """;

    /// <summary>A bulk write of a penalty to an index made before mapping version 2 (no <c>record_status</c> field).</summary>
    public const string BulkRefusedByOldMapping = """
        {"took":3,"errors":true,"items":[{"index":{"_index":"creditsite-documents-v20250101000000000","_id":"penalty:CZ-CF-2026-0001","status":400,"error":{"type":"strict_dynamic_mapping_exception","reason":"[1:1046] mapping set to strict, dynamic introduction of [record_status] within [_doc] is not allowed"}}}]}
        """;

    public const string SearchEmpty = """
        {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}
        """;

    /// <summary>A yellow-cluster search where one shard of two failed: partial results.</summary>
    public const string SearchWithShardFailure = """
        {"took":9,"timed_out":false,"_shards":{"total":2,"successful":1,"skipped":0,"failed":1,
          "failures":[{"shard":1,"index":"creditsite-documents-v20260301080000000","node":"k9Pq2v3RQ9G6mB4a8d2Lxw","reason":{"type":"node_not_connected_exception","reason":"[es02][10.0.0.2:9300] Node not connected"}}]},
         "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}
        """;

    public const string Count = """{"count":10234,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""";

    public static string Health(string status) => $$"""
        {"cluster_name":"creditsite","status":"{{status}}","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,
         "active_primary_shards":1,"active_shards":1,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":1,
         "unassigned_primary_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,
         "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}
        """;
}
