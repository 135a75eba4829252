# Build speed and hygiene: ccache, lld, sanitizers and warnings. Included once by the top-level CMakeLists.

find_program(TWITTER_CCACHE ccache)
if(TWITTER_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${TWITTER_CCACHE})
endif()

find_program(TWITTER_LLD ld.lld)
if(TWITTER_LLD)
    add_link_options(-fuse-ld=lld)
endif()

if(TWITTER_SANITIZE)
    add_compile_options(-fsanitize=${TWITTER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${TWITTER_SANITIZE})
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND TWITTER_SANITIZE MATCHES "thread")
        # Asio's fences: g++ warns that ThreadSanitizer does not model atomic_thread_fence.
        add_compile_options(-Wno-tsan)
    endif()
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND TWITTER_SANITIZE MATCHES "undefined")
        # clang 14's -fsanitize=function cannot handle coroutine frames (an LLVM bug).
        add_compile_options(-fno-sanitize=function)
    endif()
endif()

function(twitter_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror
        # g++ 12 at -O2 and above reports std::string appends and assignments as overlapping memcpy
        # (GCC bug 105329, a false positive fixed in g++ 13).
        $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
endfunction()
