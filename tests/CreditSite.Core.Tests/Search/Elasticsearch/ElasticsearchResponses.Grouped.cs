namespace CreditSite.Core.Tests.Search.Elasticsearch;

/// <summary>Answers to the one-stop query by subject, in the shape Elasticsearch 9 sends them with
/// <c>typed_keys</c>: collapsed hits carry their <c>group_key</c> under <c>fields</c>; cardinality, filter and top_hits
/// aggregations are named <c>cardinality#…</c>, <c>filter#…</c>, <c>top_hits#…</c>.</summary>
internal static partial class ElasticsearchResponses
{
    public const string CompanyKey = "91320402MA1XXXXX0L";
    public const string PersonKey = "p-6f1c2a9e";

    /// <summary>The page of a grouped search for 恒达: a company's best document (a penalty), a person's (a licence) and a
    /// policy, which has no subject; 3 rows by the cardinality of group_key, facets counting rows (3 penalties of 2
    /// subjects …).</summary>
    public const string GroupedPage = """
        {"took":6,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"max_score":9.1,
          "hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"penalty:CF-1","_score":9.1,
            "_source":{"id":"penalty:CF-1","type":"penalty","title":"常州恒达建材有限公司（行政处罚）","body":"销售超过保质期的食品。","url":"/records/penalty/CF-1","date":"2026-02-10",
                       "entry_id":"CF-1","subject_type":"legal_person","subject_name":"常州恒达建材有限公司","subject_key":"91320402MA1XXXXX0L","group_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                       "field":"食品药品","issuing_department":"市市场监督管理局","public_until":"2027-02-10","severity":"general","record_status":"active","penalty_types":["罚款"]},
            "highlight":{"title.bigram":["常州<mark>恒达</mark>建材有限公司（行政处罚）"]},
            "fields":{"group_key":["91320402MA1XXXXX0L"]}},
           {"_index":"creditsite-documents-v20260301080000000","_id":"licence:XK-9","_score":5.0,
            "_source":{"id":"licence:XK-9","type":"licence","title":"王恒达（行政许可）","body":"食品经营许可","url":"/records/licence/XK-9","date":"2026-01-05",
                       "entry_id":"XK-9","subject_type":"natural_person","subject_name":"王恒达","subject_key":"p-6f1c2a9e","group_key":"p-6f1c2a9e","resident_id_hash":"hmac-sha256:3b6f0c","masked_id_number":"320402********0012",
                       "issuing_department":"市行政审批局","category":"普通","record_status":"valid"},
            "highlight":{"title.bigram":["王<mark>恒达</mark>（行政许可）"]},
            "fields":{"group_key":["p-6f1c2a9e"]}},
           {"_index":"creditsite-documents-v20260301080000000","_id":"policy:hd","_score":3.0,
            "_source":{"id":"policy:hd","type":"policy","title":"恒达建材案例通报","body":"常州恒达建材有限公司被列入黑名单的案例。","url":"/policies/hd","date":"2025-11-01","group_key":"policy:hd"},
            "highlight":{"title.bigram":["<mark>恒达</mark>建材案例通报"]},
            "fields":{"group_key":["policy:hd"]}}
          ]},
         "aggregations":{
          "cardinality#rows":{"value":3},
          "sterms#type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
            {"key":"penalty","doc_count":3,"cardinality#rows":{"value":2}},
            {"key":"licence","doc_count":2,"cardinality#rows":{"value":1}},
            {"key":"policy","doc_count":1,"cardinality#rows":{"value":1}}]},
          "sterms#list_kind":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]},
          "sterms#field":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"食品药品","doc_count":3,"cardinality#rows":{"value":1}}]},
          "sterms#department":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
            {"key":"市市场监督管理局","doc_count":3,"cardinality#rows":{"value":2}},
            {"key":"市行政审批局","doc_count":2,"cardinality#rows":{"value":1}}]},
          "sterms#subject_type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
            {"key":"legal_person","doc_count":4,"cardinality#rows":{"value":1}},
            {"key":"natural_person","doc_count":1,"cardinality#rows":{"value":1}}]},
          "sterms#category":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"普通","doc_count":2,"cardinality#rows":{"value":1}}]},
          "sterms#penalty_type":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
            {"key":"罚款","doc_count":3,"cardinality#rows":{"value":2}},
            {"key":"警告","doc_count":1,"cardinality#rows":{"value":1}}]}}}
        """;

    /// <summary>The summaries of the page's two subjects over everything in view today: the company has a registry
    /// record under its current name (with two 曾用名), two list entries (one under objection) and 7 documents of which
    /// 6 matched; the person has no registry record, so the newest document names them.</summary>
    public const string GroupedSummaries = """
        {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"max_score":null,"hits":[]},
         "aggregations":{"sterms#subjects":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
          {"key":"91320402MA1XXXXX0L","doc_count":7,
           "sterms#types":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
             {"key":"licence","doc_count":2},{"key":"list_entry","doc_count":2},{"key":"commitment","doc_count":1},{"key":"penalty","doc_count":1},{"key":"subject","doc_count":1}]},
           "filter#matched":{"doc_count":6},
           "filter#entries":{"doc_count":2,
             "sterms#lists":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"black","doc_count":1},{"key":"red","doc_count":1}]},
             "sterms#statuses":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"active","doc_count":1},{"key":"under_objection","doc_count":1}]}},
           "filter#registry":{"doc_count":1,"top_hits#record":{"hits":{"total":{"value":1,"relation":"eq"},"max_score":0.0,"hits":[
             {"_index":"creditsite-documents-v20260301080000000","_id":"subject:91320402MA1XXXXX0L","_score":0.0,
              "_source":{"id":"subject:91320402MA1XXXXX0L","type":"subject","title":"常州远航建材有限公司","url":"/subjects/91320402MA1XXXXX0L","date":"2012-03-08",
                         "subject_name":"常州远航建材有限公司","subject_type":"legal_person","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L",
                         "former_names":["常州恒达建材有限公司","常州恒达建材厂"]}}]}}},
           "top_hits#newest":{"hits":{"total":{"value":7,"relation":"eq"},"max_score":null,"hits":[
             {"_index":"creditsite-documents-v20260301080000000","_id":"penalty:CF-1","_score":null,
              "_source":{"id":"penalty:CF-1","type":"penalty","title":"常州恒达建材有限公司（行政处罚）","url":"/records/penalty/CF-1","date":"2026-02-10",
                         "subject_name":"常州恒达建材有限公司","subject_type":"legal_person","subject_key":"91320402MA1XXXXX0L","uscc":"91320402MA1XXXXX0L"},
              "sort":[1770681600000,"penalty:CF-1"]}]}}},
          {"key":"p-6f1c2a9e","doc_count":2,
           "sterms#types":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"licence","doc_count":2}]},
           "filter#matched":{"doc_count":2},
           "filter#entries":{"doc_count":0,
             "sterms#lists":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]},
             "sterms#statuses":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[]}},
           "filter#registry":{"doc_count":0,"top_hits#record":{"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}},
           "top_hits#newest":{"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
             {"_index":"creditsite-documents-v20260301080000000","_id":"licence:XK-9","_score":null,
              "_source":{"id":"licence:XK-9","type":"licence","title":"王恒达（行政许可）","url":"/records/licence/XK-9","date":"2026-01-05",
                         "subject_name":"王恒达","subject_type":"natural_person","subject_key":"p-6f1c2a9e","masked_id_number":"320402********0012"},
              "sort":[1767571200000,"licence:XK-9"]}]}}}
         ]}}}
        """;

    /// <summary>A grouped page of a common word: more rows than the cardinality counts exactly, and only content.</summary>
    public const string GroupedPageBeyondCountedRows = """
        {"took":40,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "hits":{"max_score":1.0,"hits":[
           {"_index":"creditsite-documents-v20260301080000000","_id":"policy:hd","_score":1.0,
            "_source":{"id":"policy:hd","type":"policy","title":"有限公司信用承诺办法","body":"……","url":"/policies/hd","date":"2025-11-01","group_key":"policy:hd"},
            "fields":{"group_key":["policy:hd"]}}]},
         "aggregations":{"cardinality#rows":{"value":287311}}}
        """;

    /// <summary>A grouped search on an index of mapping version 2: the shards refuse to collapse on a field they lack.</summary>
    public const string CollapseOnUnmappedField = """
        {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"no mapping found for `group_key` in order to collapse on"}],
                  "type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true,
                  "failed_shards":[{"shard":0,"index":"creditsite-documents-v20250101000000000","node":"U7321H6mQ1uP0dQ8hb3f1A","reason":{"type":"illegal_argument_exception","reason":"no mapping found for `group_key` in order to collapse on"}}],
                  "caused_by":{"type":"illegal_argument_exception","reason":"no mapping found for `group_key` in order to collapse on"}},
         "status":400}
        """;

    /// <summary><c>GET /creditsite-documents/_mapping/field/group_key</c> on an index without the field.</summary>
    public const string GroupKeyNotMapped = """{"creditsite-documents-v20250101000000000":{"mappings":{}}}""";

    /// <summary>The same on an index of mapping version 3.</summary>
    public const string GroupKeyMapped = """
        {"creditsite-documents-v20260301080000000":{"mappings":{"group_key":{"full_name":"group_key","mapping":{"group_key":{"type":"keyword"}}}}}}
        """;
}
