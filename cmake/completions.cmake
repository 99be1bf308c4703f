# Writes the shell completions from their templates, with the gazetteer's 81 province names.
# Called as: cmake -DPROVINCES=provinces.csv -DSOURCE_DIR=completions -DOUTPUT_DIR=dir -P completions.cmake
file(STRINGS "${PROVINCES}" lines ENCODING UTF-8)
list(POP_FRONT lines)  # the header: code,name,nuts2,aliases
set(names "")
foreach(line IN LISTS lines)
  string(REGEX MATCH "^[0-9]+,([^,]+)," row "${line}")
  set(name "${CMAKE_MATCH_1}")
  if(name MATCHES "[ '\"]")
    message(FATAL_ERROR "a province name the completions would have to quote: ${name}")
  endif()
  string(APPEND names " ${name}")
endforeach()
string(STRIP "${names}" KEXPORT_PROVINCES)
foreach(template kexport.bash _kexport kexport.fish)
  configure_file("${SOURCE_DIR}/${template}.in" "${OUTPUT_DIR}/${template}" @ONLY)
endforeach()
